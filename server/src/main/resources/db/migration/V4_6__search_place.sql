-- Where each search document is, so that search can keep to a circle (`near`) or to a part of
-- the network (`pointId`) through an index, instead of scoring every match in the country: a
-- common word matches hundreds of thousands of documents, the few around a resident are what
-- they want.
--
-- A point's document is where the point stands (its home coordinates; a mobile point's current
-- deployment changes by the hour and is not indexed). An activity's document is where nearby
-- search puts it: at its deployment when it is held at one, otherwise at its point. `path` is
-- the point's path (an activity's point's), so `path <@ x` keeps to x's subtree.
--
-- lat/lng are kept for the exact great-circle test (great_circle_m, as nearby search), `earth`
-- for the GiST index the box test uses. They are NULL only for a document written by hand
-- without them (such a document is found by text, never by place).

ALTER TABLE search_doc
    ADD COLUMN lat  double precision,
    ADD COLUMN lng  double precision,
    ADD COLUMN path ltree;

UPDATE search_doc d SET lat = p.lat, lng = p.lng, path = p.path
FROM point p
WHERE d.kind = 'POINT' AND p.id = d.ref_id;

UPDATE search_doc d SET lat = coalesce(dep.lat, p.lat), lng = coalesce(dep.lng, p.lng),
                        path = p.path
FROM activity a
JOIN point p ON p.id = a.point_id
LEFT JOIN deployment dep ON dep.id = a.deployment_id
WHERE d.kind = 'ACTIVITY' AND a.id = d.ref_id;

ALTER TABLE search_doc
    ADD COLUMN earth cube GENERATED ALWAYS AS (ll_to_earth(lat, lng)) STORED;

CREATE INDEX search_doc_earth_gist ON search_doc USING gist (earth);
CREATE INDEX search_doc_path_gist ON search_doc USING gist (path);

-- The writer of a document, now with its place. The old one (without) goes: nothing may write a
-- document that is never found by place.
CREATE FUNCTION search_doc_put(
    p_kind text, p_ref bigint, p_names text, p_places text, p_descriptions text, p_themes text,
    p_chinese_name text, p_visible_until timestamptz,
    p_lat double precision, p_lng double precision, p_path ltree) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    py text := search_pinyin(p_chinese_name);
BEGIN
    INSERT INTO search_doc AS d (kind, ref_id, names, places, descriptions, themes, pinyin, grams,
                                 visible_until, lat, lng, path)
    VALUES (p_kind, p_ref, p_names, p_places, p_descriptions, p_themes, py,
            search_grams(p_names || E'\n' || p_places || E'\n' || p_descriptions || E'\n'
                         || p_themes || E'\n' || py),
            p_visible_until, p_lat, p_lng, p_path)
    ON CONFLICT (kind, ref_id) DO UPDATE
        SET names = excluded.names, places = excluded.places,
            descriptions = excluded.descriptions, themes = excluded.themes,
            pinyin = excluded.pinyin, grams = excluded.grams,
            visible_until = excluded.visible_until,
            lat = excluded.lat, lng = excluded.lng, path = excluded.path;
END
$$;

CREATE OR REPLACE FUNCTION search_index_activity(a activity) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    place text;
    at_lat double precision;
    at_lng double precision;
    at_path ltree;
BEGIN
    IF a.cancelled_at IS NOT NULL OR a.ends_at <= now() THEN
        DELETE FROM search_doc WHERE kind = 'ACTIVITY' AND ref_id = a.id;
        RETURN;
    END IF;
    -- (A variable of type "point" would be PostgreSQL's geometric point, hence the text.)
    SELECT search_lines(p.name_zh, p.address_zh), coalesce(dep.lat, p.lat),
           coalesce(dep.lng, p.lng), p.path
    INTO place, at_lat, at_lng, at_path
    FROM point p LEFT JOIN deployment dep ON dep.id = a.deployment_id
    WHERE p.id = a.point_id;
    PERFORM search_doc_put(
        'ACTIVITY', a.id,
        search_lines(a.title_zh, a.title_mn, a.title_en),
        coalesce(place, ''),
        search_lines(a.description_zh, a.description_mn, a.description_en),
        search_theme_names(ARRAY[a.theme_code]),
        a.title_zh,
        a.ends_at,
        at_lat, at_lng, at_path);
END
$$;

CREATE OR REPLACE FUNCTION search_index_point(p_id bigint, with_activities boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_doc_put(
        'POINT', p.id,
        search_lines(p.name_zh, p.name_mn, p.name_en),
        search_lines(p.address_zh, p.address_mn, p.address_en),
        search_lines(p.description_zh, p.description_mn, p.description_en),
        search_theme_names(ARRAY(SELECT t.theme_code FROM point_theme t WHERE t.point_id = p.id)),
        p.name_zh, 'infinity',
        p.lat, p.lng, p.path)
    FROM point p WHERE p.id = p_id;
    IF with_activities THEN
        PERFORM search_index_activity(a) FROM activity a
        WHERE a.point_id = p_id AND a.ends_at > now() AND a.cancelled_at IS NULL;
    END IF;
END
$$;

DROP FUNCTION search_doc_put(text, bigint, text, text, text, text, text, timestamptz);

-- A point that moves (new coordinates, or a new parent: movePoint rewrites the path of every
-- point of the subtree, one row each) takes its documents along: its own and its upcoming
-- activities'. Only the place columns are written; the texts stay as they are.
CREATE FUNCTION search_place_point_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_doc SET lat = NEW.lat, lng = NEW.lng, path = NEW.path
    WHERE kind = 'POINT' AND ref_id = NEW.id;
    UPDATE search_doc d
    SET lat = coalesce(dep.lat, NEW.lat), lng = coalesce(dep.lng, NEW.lng), path = NEW.path
    FROM activity a LEFT JOIN deployment dep ON dep.id = a.deployment_id
    WHERE a.point_id = NEW.id AND a.ends_at > now()
      AND d.kind = 'ACTIVITY' AND d.ref_id = a.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER point_search_place AFTER UPDATE ON point
    FOR EACH ROW
    WHEN ((OLD.lat, OLD.lng, OLD.path) IS DISTINCT FROM (NEW.lat, NEW.lng, NEW.path))
    EXECUTE FUNCTION search_place_point_row();

-- A deployment moved: the activities held at it move with it.
CREATE FUNCTION search_place_deployment_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_doc d SET lat = NEW.lat, lng = NEW.lng
    FROM activity a
    WHERE a.deployment_id = NEW.id AND a.ends_at > now()
      AND d.kind = 'ACTIVITY' AND d.ref_id = a.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER deployment_search_place AFTER UPDATE ON deployment
    FOR EACH ROW
    WHEN ((OLD.lat, OLD.lng) IS DISTINCT FROM (NEW.lat, NEW.lng))
    EXECUTE FUNCTION search_place_deployment_row();

-- An activity that changes deployment changes place: deployment_id joins the columns that
-- re-index it.
DROP TRIGGER activity_search_update ON activity;
CREATE TRIGGER activity_search_update AFTER UPDATE ON activity
    FOR EACH ROW
    WHEN ((OLD.title_zh, OLD.title_mn, OLD.title_en, OLD.description_zh, OLD.description_mn,
           OLD.description_en, OLD.point_id, OLD.deployment_id, OLD.theme_code, OLD.ends_at,
           OLD.cancelled_at)
          IS DISTINCT FROM
          (NEW.title_zh, NEW.title_mn, NEW.title_en, NEW.description_zh, NEW.description_mn,
           NEW.description_en, NEW.point_id, NEW.deployment_id, NEW.theme_code, NEW.ends_at,
           NEW.cancelled_at))
    EXECUTE FUNCTION search_index_activity_row();

ANALYZE search_doc;
