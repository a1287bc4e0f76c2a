-- Nearby search: exact great-circle distances, and the indexes that let "what is near" and
-- "what is on near here" walk outward from a position instead of scanning tables.

-- The great-circle distance in metres on the mean earth sphere (R = 6,371,008.8 m, IUGG), by the
-- haversine formula. earthdistance's own earth() is 6,378,168 m, 0.11% larger, so its distances
-- are only used to find and order candidates, never reported.
CREATE FUNCTION great_circle_m(lat1 float8, lng1 float8, lat2 float8, lng2 float8) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT 2 * 6371008.8 * asin(least(1.0, sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lng2 - lng1) / 2) ^ 2)))
$$;

-- Where mobile points stand: position and period in one GiST index, so that "deployments near
-- here that are current (or overlap a window)" skips the years of past deployments at the same
-- spots instead of filtering them one by one.
CREATE INDEX deployment_earth_period_gist ON deployment
    USING gist (ll_to_earth(lat, lng), tstzrange(starts_at, ends_at));

-- Upcoming activities of a point (or of a deployment): "ends after now" touches only the few
-- that have not ended, where (point_id, starts_at) would read a point's whole history.
CREATE INDEX activity_point_ends_idx ON activity (point_id, ends_at);
CREATE INDEX activity_deployment_ends_idx ON activity (deployment_id, ends_at)
    WHERE deployment_id IS NOT NULL;
