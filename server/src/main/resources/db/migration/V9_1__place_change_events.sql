-- Change events for where things are, so that a replica can drop what it cached about a
-- place (the response cache of nearby questions, issue 9) when the place changes: points and
-- mobile deployments report their old position when it moved ("old": {"lat", "lng"}), and
-- the rows that say when a point is open or which theme boards it is on report themselves as
-- a change of their point. Activities have reported since V6_1.
--
-- The events go out on the same channel, as small as before, and only on commit. Bulk loads
-- (bench/suite/generate.sql) disable triggers and send nothing, as they do for activities.

CREATE TRIGGER point_notify_change AFTER INSERT OR UPDATE OR DELETE ON point
    FOR EACH ROW EXECUTE FUNCTION notify_change('lat', 'lng');

CREATE TRIGGER deployment_notify_change AFTER INSERT OR UPDATE OR DELETE ON deployment
    FOR EACH ROW EXECUTE FUNCTION notify_change('lat', 'lng');

CREATE FUNCTION notify_point_detail_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('pm_change', jsonb_build_object(
        'table',   'point',
        'op',      'UPDATE',
        'id',      CASE WHEN TG_OP = 'DELETE' THEN OLD.point_id ELSE NEW.point_id END,
        'version', 0,
        'old',     '{}'::jsonb)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER opening_hours_notify_change AFTER INSERT OR UPDATE OR DELETE ON opening_hours
    FOR EACH ROW EXECUTE FUNCTION notify_point_detail_change();
CREATE TRIGGER opening_exception_notify_change AFTER INSERT OR UPDATE OR DELETE ON opening_exception
    FOR EACH ROW EXECUTE FUNCTION notify_point_detail_change();
CREATE TRIGGER point_theme_notify_change AFTER INSERT OR UPDATE OR DELETE ON point_theme
    FOR EACH ROW EXECUTE FUNCTION notify_point_detail_change();
