-- Practice Map benchmark data: adds generated points and activities to a database that already
-- holds the Horqin demo (its themes, its 600-odd points and their activities: the "district").
--
--   psql "$URL" -v points=50000 -v activities=1000000 -f bench/suite/generate.sql
--
-- Set-based on purpose (generate_series, INSERT … SELECT, one statement per table). Points sit
-- around "cities": 1 city per 3,000 points, spread over eastern China, points scattered around
-- their city's centre with a normal spread of about 25 km, so a 3 km circle around a point holds
-- what a town would. Each city is a CENTER (ltree root), its points are its children (path
-- city.id.point), 1 % of them MOBILE_POINTs with deployments. Activities are spread over the
-- points, starting from 120 days ago to 60 days ahead: about a third of them upcoming.
--
-- What the real schema does on insert, and what this script does about it:
--  * point, point_theme and activity have AFTER INSERT triggers that build search documents
--    (PL/pgSQL, 0.5–2 ms a row: hours at 10M rows) and activity NOTIFYs every row to the live
--    subscriptions (10M notifications into the servers' queue). They are disabled during the
--    load (ALTER TABLE … DISABLE TRIGGER ALL, which also skips the foreign-key checks: this script
--    makes consistent rows by construction and checks them afterwards). So generated rows have
--    NO search documents: `search` is benchmarked on its own (SearchBench); nothing in this
--    suite reads search_doc.
--  * Secondary indexes of the loaded tables are dropped before the load and recreated from
--    their own definitions (pg_indexes) after it: one sorted build instead of 10M random
--    insertions per index. Primary keys stay, and so do deployment's indexes (a small table,
--    which the activity insert looks up by point).
--  * ANALYZE at the end.
\set ON_ERROR_STOP on
\timing on
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 1;
SELECT setseed(0.42);

BEGIN;
CREATE TEMP TABLE saved_index ON COMMIT DROP AS
  SELECT i.indexname, i.indexdef FROM pg_indexes i
  WHERE i.schemaname = 'public'
    AND i.tablename IN ('point', 'point_theme', 'opening_hours', 'activity')
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
SELECT count(*) AS secondary_indexes_dropped FROM saved_index;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM saved_index LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;
ALTER TABLE point DISABLE TRIGGER ALL;
ALTER TABLE point_theme DISABLE TRIGGER ALL;
ALTER TABLE opening_hours DISABLE TRIGGER ALL;
ALTER TABLE deployment DISABLE TRIGGER ALL;
ALTER TABLE activity DISABLE TRIGGER ALL;

CREATE TEMP TABLE gen ON COMMIT DROP AS
  SELECT (SELECT max(id) FROM point) AS point_base,
         (SELECT max(id) FROM activity) AS activity_base,
         (SELECT max(id) FROM deployment) AS deployment_base,
         greatest(1, :points / 3000) AS cities,
         :points::bigint AS points,
         :activities::bigint AS activities,
         date_trunc('hour', now()) AS t0;
SELECT * FROM gen;

-- Cities: ids point_base + 1 .. point_base + cities, centres in 22–46°N, 100–125°E.
INSERT INTO point (id, parent_id, path, level, name_zh, name_en, address_zh, lat, lng, on_map)
SELECT g.point_base + c, NULL, (g.point_base + c)::text::ltree, 'CENTER',
       '基准城市' || c || '新时代文明实践中心', 'Bench city ' || c || ' practice centre',
       '基准城市' || c || '市中心', 22 + 24 * random(), 100 + 25 * random(), true
FROM gen g, generate_series(1, g.cities) c;

-- Points: the rest, each around city (n % cities) + 1; Box–Muller for the normal scatter.
INSERT INTO point (id, parent_id, path, level, name_zh, name_en, address_zh, lat, lng, on_map,
                   facilities)
SELECT g.point_base + g.cities + n, city.id, (city.id || '.' || (g.point_base + g.cities + n))::ltree,
       CASE WHEN n % 100 = 0 THEN 'MOBILE_POINT'
            WHEN n % 10 = 1 THEN 'INSTITUTE'
            WHEN n % 10 IN (2, 3, 4) THEN 'SERVICE_POINT'
            WHEN n % 10 = 5 THEN 'BASE'
            WHEN n % 10 = 6 THEN 'VENUE'
            ELSE 'STATION' END,
       '基准实践站' || n, 'Bench station ' || n, '基准城市' || (n % g.cities + 1) || '第' || n || '号',
       least(89.9, greatest(-89.9, city.lat + 0.22 * s.r * cos(s.a))),
       city.lng + 0.3 * s.r * sin(s.a), true, '{}'
FROM gen g,
     generate_series(1, g.points - g.cities) n,
     -- (The subquery names n so that it runs once a row: uncorrelated, it would run once for all.)
     LATERAL (SELECT n AS k, sqrt(-2 * ln(1 - random())) AS r, 2 * pi() * random() AS a) s,
     LATERAL (SELECT p.id, p.lat, p.lng FROM point p WHERE p.id = g.point_base + n % g.cities + 1) city;

-- One or two theme boards a point.
INSERT INTO point_theme (point_id, theme_code)
SELECT p.id, t.code
FROM gen g
JOIN point p ON p.id > g.point_base
CROSS JOIN LATERAL (SELECT array_agg(code ORDER BY sort_order) AS codes FROM theme) th
CROSS JOIN LATERAL (SELECT DISTINCT th.codes[(1 + (p.id * k * 7919) % array_length(th.codes, 1))::int] AS code
                    FROM generate_series(1, 1 + (p.id % 2)::int) k) t;

-- Monday to Saturday 09:00–17:00 (the mobile points keep no hours).
INSERT INTO opening_hours (point_id, weekday, opens, closes)
SELECT p.id, d, '09:00', '17:00'
FROM gen g JOIN point p ON p.id > g.point_base AND p.level <> 'MOBILE_POINT'
CROSS JOIN generate_series(1, 6) d;

-- Each mobile point: one deployment a week from 4 weeks ago to 8 weeks ahead, 2 days long,
-- within 10 km of its home, so one is current for part of the time and many lie ahead.
INSERT INTO deployment (id, point_id, lat, lng, address_zh, starts_at, ends_at)
SELECT g.deployment_base + row_number() OVER (ORDER BY p.id, w), p.id,
       p.lat + 0.09 * (random() - 0.5), p.lng + 0.12 * (random() - 0.5), '流动服务点 ' || w,
       g.t0 + (w * 7 - ((p.id % 7)::int)) * interval '1 day',
       g.t0 + (w * 7 - ((p.id % 7)::int) + 2) * interval '1 day'
FROM gen g JOIN point p ON p.id > g.point_base AND p.level = 'MOBILE_POINT'
CROSS JOIN generate_series(-4, 8) w;

-- Activities: activity i at point (i * 7919) % points (spread, not clustered by id), starting
-- on the hour between 120 days ago and 60 days ahead. Mobile points' activities are held at one
-- of their deployments. 70 % bookable (capacity 10–60, a fifth of them full), 2 % cancelled.
INSERT INTO activity (id, point_id, deployment_id, theme_code, category, title_zh, title_en,
                      description_zh, starts_at, ends_at, capacity, seats_taken, has_waitlist,
                      cancelled_at)
SELECT g.activity_base + i, p.id, d.id, pt.theme_code,
       (ARRAY['CLASS','LECTURE','FESTIVAL','MARKET','FREE_CLINIC','VOLUNTEER_SERVICE','SPORTS',
              'PERFORMANCE','EXHIBITION','READING','OTHER'])[1 + (i % 11)::int],
       '基准活动' || i, 'Bench activity ' || i, '生成的基准测试活动。',
       coalesce(d.starts_at + interval '2 hours', a.starts_at),
       coalesce(d.starts_at + interval '4 hours', a.starts_at + interval '2 hours'),
       a.capacity,
       CASE WHEN a.capacity IS NULL THEN 0 WHEN i % 5 = 0 THEN a.capacity
            ELSE (a.capacity * random() * 0.9)::int END,
       true,
       CASE WHEN i % 50 = 7 THEN g.t0 - interval '1 day' END
FROM gen g,
     generate_series(1, g.activities) i,
     LATERAL (SELECT g.point_base + 1 + (i * 7919) % g.points AS point_id,
                     g.t0 + (floor(random() * 180 * 24) - 120 * 24) * interval '1 hour' AS starts_at,
                     CASE WHEN i % 10 < 7 THEN 10 + (i % 51)::int END AS capacity OFFSET 0) a
JOIN point p ON p.id = a.point_id
LEFT JOIN LATERAL (SELECT t.theme_code FROM point_theme t WHERE t.point_id = p.id
                   ORDER BY t.theme_code LIMIT 1) pt ON true
LEFT JOIN LATERAL (SELECT d.id, d.starts_at FROM deployment d
                   WHERE p.level = 'MOBILE_POINT' AND d.point_id = p.id
                   ORDER BY d.starts_at OFFSET (i % 13) LIMIT 1) d ON true;

ALTER TABLE point ENABLE TRIGGER ALL;
ALTER TABLE point_theme ENABLE TRIGGER ALL;
ALTER TABLE opening_hours ENABLE TRIGGER ALL;
ALTER TABLE deployment ENABLE TRIGGER ALL;
ALTER TABLE activity ENABLE TRIGGER ALL;
SELECT setval(pg_get_serial_sequence('point', 'id'), (SELECT max(id) FROM point));
SELECT setval(pg_get_serial_sequence('activity', 'id'), (SELECT max(id) FROM activity));
SELECT setval(pg_get_serial_sequence('deployment', 'id'), (SELECT max(id) FROM deployment));

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname, indexdef FROM saved_index LOOP
    RAISE NOTICE 'rebuilding %', r.indexname;
    EXECUTE r.indexdef;
  END LOOP;
END $$;
COMMIT;

-- The foreign keys the disabled triggers did not check: all of these must be 0.
SELECT (SELECT count(*) FROM activity a WHERE NOT EXISTS (SELECT 1 FROM point p WHERE p.id = a.point_id)) AS activity_without_point,
       (SELECT count(*) FROM activity a WHERE a.deployment_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM deployment d WHERE d.id = a.deployment_id)) AS activity_without_deployment,
       (SELECT count(*) FROM point c WHERE c.parent_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM point p WHERE p.id = c.parent_id)) AS point_without_parent;

VACUUM ANALYZE point;
VACUUM ANALYZE point_theme;
VACUUM ANALYZE opening_hours;
VACUUM ANALYZE deployment;
VACUUM ANALYZE activity;
SELECT (SELECT count(*) FROM point) AS points, (SELECT count(*) FROM activity) AS activities,
       (SELECT count(*) FROM activity WHERE ends_at > now() AND cancelled_at IS NULL) AS upcoming,
       pg_size_pretty(pg_database_size(current_database())) AS database_size;
