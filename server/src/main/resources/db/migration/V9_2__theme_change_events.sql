-- Change events for the theme boards and the month's theme (issue 9): they show on every
-- kiosk and phone, so a replica that keeps answers drops them all when either changes. Their
-- keys are text (a code, a month), so they report {"table": "theme", "id": <key>} with a
-- function of their own; the listening side needs no more than that.

CREATE FUNCTION notify_theme_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    row_key text  := coalesce(changed ->> 'code', changed ->> 'month');
BEGIN
    PERFORM pg_notify('pm_change', jsonb_build_object(
        'table',   'theme',
        'op',      TG_OP,
        'id',      row_key,
        'version', 0,
        'old',     '{}'::jsonb)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER theme_notify_change AFTER INSERT OR UPDATE OR DELETE ON theme
    FOR EACH ROW EXECUTE FUNCTION notify_theme_change();
CREATE TRIGGER monthly_theme_notify_change AFTER INSERT OR UPDATE OR DELETE ON monthly_theme
    FOR EACH ROW EXECUTE FUNCTION notify_theme_change();
