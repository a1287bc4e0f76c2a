-- Heartbeats overwrite one row per kiosk every 30 s: at a few thousand kiosks that is the
-- busiest UPDATE in the database. With no index on a changing column and room left on each
-- page, PostgreSQL updates the row in place (a HOT update): no new index entries, no index
-- bloat, little vacuum work. Nothing reads kiosk_heartbeat by last_seen_at alone (the status
-- filter is computed per kiosk after the join), so its index only cost.
DROP INDEX kiosk_heartbeat_seen_idx;
ALTER TABLE kiosk_heartbeat SET (fillfactor = 50);
