-- Change events for live subscriptions. Every replica LISTENs on one channel; a trigger
-- NOTIFYs a small JSON payload for each changed row. NOTIFY is transactional: an event
-- leaves only when its transaction commits, so subscribers never see a rolled-back change,
-- and every writer (bookings, management mutations, plain SQL) is covered without calling
-- anything.
--
-- Payload: {"table": "activity", "op": "UPDATE", "id": 42, "version": 7, "old": {...}}
-- about 100 bytes, far below NOTIFY's 8,000-byte limit. The listening side loads the rows
-- it needs, many ids per query. "old" holds the previous values of the columns named as
-- trigger arguments, only those that changed (all of them for a DELETE): a subscriber whose
-- filter the row used to match can then be told that it left.

CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
    old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
    changed jsonb := '{}';
    col     text;
BEGIN
    IF old_row IS NOT NULL AND TG_NARGS > 0 THEN
        FOREACH col IN ARRAY TG_ARGV LOOP
            IF new_row IS NULL OR (new_row -> col) IS DISTINCT FROM (old_row -> col) THEN
                changed := changed || jsonb_build_object(col, old_row -> col);
            END IF;
        END LOOP;
    END IF;
    PERFORM pg_notify('pm_change', jsonb_build_object(
        'table',   TG_TABLE_NAME,
        'op',      TG_OP,
        'id',      coalesce(new_row, old_row) -> 'id',
        'version', coalesce(new_row, old_row) -> 'version',
        'old',     changed)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER activity_notify_change AFTER INSERT OR UPDATE OR DELETE ON activity
    FOR EACH ROW
    EXECUTE FUNCTION notify_change('point_id', 'deployment_id', 'theme_code', 'cancelled_at');
