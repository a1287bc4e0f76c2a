-- Reports (issue 8): the figures behind `stats` without scanning bookings per request.
--
--   activity, booking, attendance ──(row triggers, same transaction)──▶ stats_activity
--       one row per activity: its dimensions and its counts of bookings, seats, check-ins,
--       no-shows and walk-ins. A booking changes one row, the one its activity already locks.
--   stats_activity ──(trigger, only for settled days / months)──▶ stats_day, stats_point_month
--       sums per day for every point's subtree (scope_id = each ancestor on the point's path,
--       0 = the whole network), and per month for each point. A day (a month) is *settled* by
--       stats_settle() once every activity that started in it has ended (or was cancelled);
--       until then it is answered from stats_activity. Settling keeps the hot rows of the days
--       being booked out of the rollups: a booking never waits on a network-wide counter row.
--   point.path changes (movePoint) ──(trigger)──▶ the point's settled sums leave its old
--       ancestors and join its new ones, in the moving transaction.
--
-- Days are local days in Asia/Shanghai; an activity belongs to the day it starts.

CREATE TABLE stats_activity (
    activity_id bigint  PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
    point_id    bigint  NOT NULL,
    day         date    NOT NULL,
    ends_at     timestamptz NOT NULL,
    theme_code  text,
    category    text    NOT NULL,
    festival    text,
    department  text,
    capacity    int,
    cancelled   boolean NOT NULL,
    bookings    int     NOT NULL DEFAULT 0, -- rows CONFIRMED, CHECKED_IN or NO_SHOW
    seats       int     NOT NULL DEFAULT 0, -- their seats
    checked_in  int     NOT NULL DEFAULT 0, -- seats checked in
    no_show     int     NOT NULL DEFAULT 0, -- seats never claimed
    walk_ins    int     NOT NULL DEFAULT 0  -- recorded attendance
);
CREATE INDEX stats_activity_day_idx ON stats_activity (day);
CREATE INDEX stats_activity_point_idx ON stats_activity (point_id, day);

CREATE TABLE stats_settled_day (
    day        date PRIMARY KEY,
    settled_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stats_settled_month (
    month      date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    settled_at timestamptz NOT NULL DEFAULT now()
);

-- One row per subtree, day and value of ONE dimension (dim '' holds the subtree's day totals,
-- key ''), not per combination of dimensions: a day of a subtree is then at most
-- 1 + 9 + 11 + 9 + 13 rows however many activities it had, where the cross product grows with
-- the activities (measured: 1.7M rows for 1M activities). '' in key stands for "none".
CREATE TABLE stats_day (
    scope_id   bigint NOT NULL,
    day        date   NOT NULL,
    dim        text   NOT NULL CHECK (dim IN ('', 'THEME', 'CATEGORY', 'FESTIVAL', 'DEPARTMENT')),
    key        text   NOT NULL,
    held       int    NOT NULL,
    served     bigint NOT NULL,
    bookings   bigint NOT NULL,
    seats      bigint NOT NULL,
    capacity   bigint NOT NULL,
    checked_in bigint NOT NULL,
    no_show    bigint NOT NULL,
    -- The figures ride in the index: a subtree's year is one run of index pages (an index-only
    -- scan), where the rows themselves lie scattered among every other subtree's of the day.
    PRIMARY KEY (scope_id, day, dim, key)
        INCLUDE (held, served, bookings, seats, capacity, checked_in, no_show)
);
CREATE INDEX stats_day_day_idx ON stats_day (day);

-- The (dim, key) rows an activity counts in.
CREATE FUNCTION stats_keys(f stats_activity) RETURNS TABLE (dim text, key text)
LANGUAGE sql IMMUTABLE AS $$
    VALUES ('', ''), ('THEME', coalesce(f.theme_code, '')), ('CATEGORY', f.category),
           ('FESTIVAL', coalesce(f.festival, '')), ('DEPARTMENT', coalesce(f.department, ''))
$$;

CREATE TABLE stats_point_month (
    point_id   bigint NOT NULL,
    month      date   NOT NULL,
    held       int    NOT NULL,
    served     bigint NOT NULL,
    bookings   bigint NOT NULL,
    seats      bigint NOT NULL,
    capacity   bigint NOT NULL,
    checked_in bigint NOT NULL,
    no_show    bigint NOT NULL,
    PRIMARY KEY (point_id, month)
        INCLUDE (held, served, bookings, seats, capacity, checked_in, no_show)
);
CREATE INDEX stats_point_month_month_idx ON stats_point_month (month)
    INCLUDE (point_id, held, served, bookings, seats, capacity, checked_in, no_show);

-- The ids on a path, root first: '1.7.311' → {1, 7, 311}.
CREATE FUNCTION stats_ancestors(p ltree) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
    SELECT string_to_array(ltree2text(p), '.')::bigint[]
$$;

CREATE FUNCTION stats_local_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT (t AT TIME ZONE 'Asia/Shanghai')::date
$$;

-- Adds (sign 1) or takes away (sign -1) one activity's figures from the rollups of its day
-- and of its month, where those are settled. Cancelled activities count nowhere.
CREATE FUNCTION stats_apply(f stats_activity, sign int, p ltree) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', f.day)::date;
BEGIN
    IF f.cancelled THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM stats_settled_day WHERE day = f.day) THEN
        INSERT INTO stats_day AS r (scope_id, day, dim, key,
                                    held, served, bookings, seats, capacity, checked_in, no_show)
        SELECT s, f.day, k.dim, k.key, sign, sign * (f.checked_in + f.walk_ins),
               sign * f.bookings, sign * f.seats, sign * coalesce(f.capacity, 0),
               sign * f.checked_in, sign * f.no_show
          FROM unnest(array[0::bigint] || stats_ancestors(p)) AS s, stats_keys(f) AS k
        ON CONFLICT (scope_id, day, dim, key) DO UPDATE
           SET held = r.held + excluded.held, served = r.served + excluded.served,
               bookings = r.bookings + excluded.bookings, seats = r.seats + excluded.seats,
               capacity = r.capacity + excluded.capacity,
               checked_in = r.checked_in + excluded.checked_in, no_show = r.no_show + excluded.no_show;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM stats_settled_month WHERE month = m) THEN
        RETURN;
    END IF;
    INSERT INTO stats_point_month AS r (point_id, month, held, served, bookings, seats, capacity,
                                        checked_in, no_show)
    VALUES (f.point_id, m, sign, sign * (f.checked_in + f.walk_ins), sign * f.bookings,
            sign * f.seats, sign * coalesce(f.capacity, 0), sign * f.checked_in, sign * f.no_show)
    ON CONFLICT (point_id, month) DO UPDATE
       SET held = r.held + excluded.held, served = r.served + excluded.served,
           bookings = r.bookings + excluded.bookings, seats = r.seats + excluded.seats,
           capacity = r.capacity + excluded.capacity,
           checked_in = r.checked_in + excluded.checked_in, no_show = r.no_show + excluded.no_show;
END;
$$;

-- A settled day or month must only hold finished activities. A change that puts one back in
-- the future (an edited end, a back-dated insert) unsettles its day and month; stats_settle()
-- settles them again once they are over.
CREATE FUNCTION stats_unsettle(d date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', d)::date;
BEGIN
    DELETE FROM stats_settled_day WHERE day = d;
    DELETE FROM stats_day WHERE day = d;
    DELETE FROM stats_settled_month WHERE month = m;
    DELETE FROM stats_point_month WHERE month = m;
END;
$$;

-- Bookings of coming activities change rows of days that are not settled: the first lookup
-- finds that and nothing else runs (measured: the whole trigger chain costs a booking ~0.3 ms
-- when every call looked up the point and the marks).
CREATE FUNCTION stats_is_settled(d date) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM stats_settled_day WHERE day = d)
        OR EXISTS (SELECT 1 FROM stats_settled_month WHERE month = date_trunc('month', d))
$$;

CREATE FUNCTION stats_activity_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND NOT OLD.cancelled AND stats_is_settled(OLD.day) THEN
        PERFORM stats_apply(OLD, -1, (SELECT path FROM point WHERE id = OLD.point_id));
    END IF;
    IF TG_OP <> 'DELETE' AND NOT NEW.cancelled AND stats_is_settled(NEW.day) THEN
        IF NEW.ends_at > now() THEN
            PERFORM stats_unsettle(NEW.day);
        ELSE
            PERFORM stats_apply(NEW, 1, (SELECT path FROM point WHERE id = NEW.point_id));
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER stats_activity_rollup AFTER INSERT OR UPDATE OR DELETE ON stats_activity
    FOR EACH ROW EXECUTE FUNCTION stats_activity_rollup();

-- activity → its fact row (dimensions; the counts stay).
CREATE FUNCTION stats_activity_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stats_activity AS f (activity_id, point_id, day, ends_at, theme_code, category,
                                     festival, department, capacity, cancelled)
    VALUES (NEW.id, NEW.point_id, stats_local_day(NEW.starts_at), NEW.ends_at, NEW.theme_code,
            NEW.category, NEW.festival, NEW.department, NEW.capacity, NEW.cancelled_at IS NOT NULL)
    ON CONFLICT (activity_id) DO UPDATE
       SET point_id = excluded.point_id, day = excluded.day, ends_at = excluded.ends_at,
           theme_code = excluded.theme_code, category = excluded.category,
           festival = excluded.festival, department = excluded.department,
           capacity = excluded.capacity, cancelled = excluded.cancelled
     WHERE (f.point_id, f.day, f.ends_at, f.theme_code, f.category, f.festival, f.department,
            f.capacity, f.cancelled)
           IS DISTINCT FROM
           (excluded.point_id, excluded.day, excluded.ends_at, excluded.theme_code,
            excluded.category, excluded.festival, excluded.department, excluded.capacity,
            excluded.cancelled);
    RETURN NULL;
END;
$$;
CREATE TRIGGER activity_stats AFTER INSERT OR UPDATE ON activity
    FOR EACH ROW EXECUTE FUNCTION stats_activity_sync();

-- booking → the counts of its activity's fact row: what it took away, what it adds.
CREATE FUNCTION stats_booking_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.party_size = NEW.party_size
       AND OLD.activity_id = NEW.activity_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.status IN ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW') THEN
        UPDATE stats_activity
           SET bookings = bookings - 1, seats = seats - OLD.party_size,
               checked_in = checked_in - CASE WHEN OLD.status = 'CHECKED_IN' THEN OLD.party_size ELSE 0 END,
               no_show = no_show - CASE WHEN OLD.status = 'NO_SHOW' THEN OLD.party_size ELSE 0 END
         WHERE activity_id = OLD.activity_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status IN ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW') THEN
        UPDATE stats_activity
           SET bookings = bookings + 1, seats = seats + NEW.party_size,
               checked_in = checked_in + CASE WHEN NEW.status = 'CHECKED_IN' THEN NEW.party_size ELSE 0 END,
               no_show = no_show + CASE WHEN NEW.status = 'NO_SHOW' THEN NEW.party_size ELSE 0 END
         WHERE activity_id = NEW.activity_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER booking_stats AFTER INSERT OR UPDATE OR DELETE ON booking
    FOR EACH ROW EXECUTE FUNCTION stats_booking_sync();

CREATE FUNCTION stats_attendance_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE stats_activity SET walk_ins = walk_ins - OLD.count WHERE activity_id = OLD.activity_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE stats_activity SET walk_ins = walk_ins + NEW.count WHERE activity_id = NEW.activity_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER attendance_stats AFTER INSERT OR UPDATE OR DELETE ON attendance
    FOR EACH ROW EXECUTE FUNCTION stats_attendance_sync();

-- A point re-parented (its path, and its subtree's, rewritten): its settled sums move from
-- the ancestors it left to the ones it joined. Each point of the moved subtree moves only its
-- own activities, so the whole subtree moves exactly once.
CREATE FUNCTION stats_point_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    f stats_activity;
BEGIN
    FOR f IN
        SELECT a.* FROM stats_activity a
         WHERE a.point_id = NEW.id AND NOT a.cancelled
           AND (a.day IN (SELECT day FROM stats_settled_day)
                OR date_trunc('month', a.day) IN (SELECT month FROM stats_settled_month))
    LOOP
        PERFORM stats_apply(f, -1, OLD.path);
        PERFORM stats_apply(f, 1, NEW.path);
    END LOOP;
    RETURN NULL;
END;
$$;
CREATE TRIGGER point_stats_moved AFTER UPDATE OF path ON point
    FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path)
    EXECUTE FUNCTION stats_point_moved();

-- Settles every day before today (local) and every month before the current one whose
-- activities have all ended: writes their rollups from stats_activity and marks them. Writers
-- of activities, bookings and points wait while it runs (and so does a second settle), so no
-- change falls between the sums it reads and the mark it writes: the server calls it with
-- max_units 1 again and again, so each lock lasts one day's work. Returns the days and months
-- settled.
CREATE FUNCTION stats_settle(max_units int DEFAULT 2147483647) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
    d date;
    m date;
    settled int := 0;
BEGIN
    LOCK TABLE stats_activity, point IN SHARE ROW EXCLUSIVE MODE;
    FOR d IN
        SELECT DISTINCT day FROM stats_activity WHERE day < today
        EXCEPT SELECT day FROM stats_settled_day
         ORDER BY 1
    LOOP
        EXIT WHEN settled >= max_units;
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM stats_activity WHERE day = d AND NOT cancelled AND ends_at > now());
        INSERT INTO stats_day (scope_id, day, dim, key,
                               held, served, bookings, seats, capacity, checked_in, no_show)
        SELECT s, d, x.dim, x.key, sum(x.held), sum(x.served), sum(x.bookings), sum(x.seats),
               sum(x.capacity), sum(x.checked_in), sum(x.no_show)
          FROM (SELECT f.point_id, k.dim, k.key, count(*) AS held,
                       sum(f.checked_in + f.walk_ins) AS served, sum(f.bookings) AS bookings,
                       sum(f.seats) AS seats, sum(coalesce(f.capacity, 0)) AS capacity,
                       sum(f.checked_in) AS checked_in, sum(f.no_show) AS no_show
                  FROM stats_activity f CROSS JOIN LATERAL stats_keys(f) AS k
                 WHERE f.day = d AND NOT f.cancelled
                 GROUP BY 1, 2, 3) x
          JOIN point p ON p.id = x.point_id
         CROSS JOIN LATERAL unnest(array[0::bigint] || stats_ancestors(p.path)) AS s
         GROUP BY 1, 2, 3, 4;
        INSERT INTO stats_settled_day (day) VALUES (d);
        settled := settled + 1;
    END LOOP;
    FOR m IN
        SELECT DISTINCT date_trunc('month', day)::date FROM stats_activity
         WHERE day < date_trunc('month', today)
        EXCEPT SELECT month FROM stats_settled_month
         ORDER BY 1
    LOOP
        EXIT WHEN settled >= max_units;
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM stats_activity
             WHERE day >= m AND day < (m + interval '1 month')::date
               AND NOT cancelled AND ends_at > now());
        INSERT INTO stats_point_month (point_id, month, held, served, bookings, seats, capacity,
                                       checked_in, no_show)
        SELECT f.point_id, m, count(*), sum(f.checked_in + f.walk_ins), sum(f.bookings),
               sum(f.seats), sum(coalesce(f.capacity, 0)), sum(f.checked_in), sum(f.no_show)
          FROM stats_activity f
         WHERE f.day >= m AND f.day < (m + interval '1 month')::date AND NOT f.cancelled
         GROUP BY 1, 2;
        INSERT INTO stats_settled_month (month) VALUES (m);
        settled := settled + 1;
    END LOOP;
    RETURN settled;
END;
$$;

-- The activities already in the database.
INSERT INTO stats_activity (activity_id, point_id, day, ends_at, theme_code, category, festival,
                            department, capacity, cancelled, bookings, seats, checked_in,
                            no_show, walk_ins)
SELECT a.id, a.point_id, stats_local_day(a.starts_at), a.ends_at, a.theme_code, a.category,
       a.festival, a.department, a.capacity, a.cancelled_at IS NOT NULL,
       coalesce(b.bookings, 0), coalesce(b.seats, 0), coalesce(b.checked_in, 0),
       coalesce(b.no_show, 0), coalesce(w.walk_ins, 0)
  FROM activity a
  LEFT JOIN (SELECT activity_id, count(*) AS bookings, sum(party_size) AS seats,
                    sum(party_size) FILTER (WHERE status = 'CHECKED_IN') AS checked_in,
                    sum(party_size) FILTER (WHERE status = 'NO_SHOW') AS no_show
               FROM booking WHERE status IN ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW')
              GROUP BY activity_id) b ON b.activity_id = a.id
  LEFT JOIN (SELECT activity_id, sum(count) AS walk_ins FROM attendance GROUP BY activity_id) w
         ON w.activity_id = a.id;
-- Settling is left to the server (SettleSweep: at start, a day per transaction), so a large
-- database is not locked for the whole backfill during the migration.
