-- Reports (issue 8), measured at 1M activities: a range with days not settled yet (today, the
-- days to come) reads one stats_activity row per activity, and those rows lie scattered over
-- the whole table (an activity's row is written when it is created, not in day order): 76k rows
-- of 30 days touched 15k heap pages, 150 of the query's 155 ms. With every column the query
-- reads riding in the day index, the same rows are one run of index pages (index-only scan):
-- 61 ms.
--
-- The price: bookings, seats, check-ins and no-shows are in the index, so a booking's update of
-- its activity's row is no longer HOT and writes an index entry too (measured in
-- docs/BENCHMARKS.md). The old (day) index is dropped: this one answers every lookup it did, and
-- one index fewer keeps that price down. Index-only scans need the visibility map, and the rows
-- of the days being booked are the ones that change, so autovacuum visits this table sooner
-- than the default 20 % of its rows.
CREATE INDEX stats_activity_day_cover_idx ON stats_activity (day)
    INCLUDE (ends_at, cancelled, theme_code, category, festival, department, point_id,
             capacity, bookings, seats, checked_in, no_show, walk_ins);
DROP INDEX stats_activity_day_idx;
ALTER TABLE stats_activity SET (autovacuum_vacuum_scale_factor = 0.02,
                                autovacuum_vacuum_insert_scale_factor = 0.02);
