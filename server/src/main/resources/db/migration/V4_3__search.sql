-- Text search over points and activities that works for Chinese.
--
-- Chinese has no spaces between words, and residents type two characters ("非遗", "书法") as
-- often as whole names. pg_trgm cannot serve a two-character substring from its index, so each
-- searchable row gets a search_doc whose `grams` hold every CJK character and every pair of
-- adjacent CJK characters (uni- and bigrams), plus the bi- and trigrams of Latin, Cyrillic and
-- Mongolian-script words and of the name's pinyin. A query's grams must all be in a document
-- (GIN, array containment); the texts are then checked for the exact substrings and ranked.
--
-- Triggers keep search_doc in step with point and activity in the same transaction, whichever
-- feature writes them; updates that touch no searchable column (seats taken, versions) skip it.

CREATE TABLE search_doc (
    kind          text   NOT NULL CHECK (kind IN ('POINT', 'ACTIVITY')),
    ref_id        bigint NOT NULL,
    -- Lower-cased texts, one line per language; what the ranking reads.
    names         text   NOT NULL, -- a point's names, an activity's titles
    places        text   NOT NULL, -- a point's addresses; an activity's point's Chinese name and address
    descriptions  text   NOT NULL,
    themes        text   NOT NULL, -- the names of the theme boards it is on
    pinyin        text   NOT NULL, -- the Chinese name in pinyin: full syllables, then initials
    grams         text[] NOT NULL,
    -- Until when the row is found: an activity drops out as it ends (and its row can then be
    -- deleted at leisure), a point never.
    visible_until timestamptz NOT NULL,
    PRIMARY KEY (kind, ref_id)
);
CREATE INDEX search_doc_grams_gin ON search_doc USING gin (grams);

-- The grams of a text for the index: CJK uni- and bigrams, word bi- and trigrams. Runs are found
-- by regular expressions (fast, in C); a loop over characters costs about 1.5 µs a character.
CREATE FUNCTION search_grams(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    s text := lower(t);
    grams text[] := '{}';
    run text;
    n int;
BEGIN
    FOREACH run IN ARRAY regexp_split_to_array(s, '[^\u4e00-\u9fff\u3400-\u4dbf]+') LOOP
        n := length(run);
        FOR i IN 1 .. n LOOP
            grams := grams || substr(run, i, 1);
            IF i < n THEN
                grams := grams || substr(run, i, 2);
            END IF;
        END LOOP;
    END LOOP;
    FOREACH run IN ARRAY regexp_split_to_array(s, '[^0-9a-z\u00df-\u024f\u0430-\u04ff\u1800-\u18af]+') LOOP
        n := length(run);
        FOR i IN 1 .. n - 1 LOOP
            grams := grams || substr(run, i, 2);
            IF i < n - 1 THEN
                grams := grams || substr(run, i, 3);
            END IF;
        END LOOP;
    END LOOP;
    RETURN grams;
END
$$;

-- The grams a query needs: a single CJK character stands for itself, longer runs for their
-- bigrams; a two-letter word for itself, longer words for their trigrams. A one-letter word
-- adds nothing (it is still checked as a substring).
CREATE FUNCTION search_query_grams(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    s text := lower(t);
    grams text[] := '{}';
    run text;
    n int;
BEGIN
    FOREACH run IN ARRAY regexp_split_to_array(s, '[^\u4e00-\u9fff\u3400-\u4dbf]+') LOOP
        n := length(run);
        IF n = 1 THEN
            grams := grams || run;
        END IF;
        FOR i IN 1 .. n - 1 LOOP
            grams := grams || substr(run, i, 2);
        END LOOP;
    END LOOP;
    FOREACH run IN ARRAY regexp_split_to_array(s, '[^0-9a-z\u00df-\u024f\u0430-\u04ff\u1800-\u18af]+') LOOP
        n := length(run);
        IF n = 2 THEN
            grams := grams || run;
        END IF;
        FOR i IN 1 .. n - 2 LOOP
            grams := grams || substr(run, i, 3);
        END LOOP;
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT g FROM unnest(grams) AS g);
END
$$;

-- A Chinese text in pinyin: the syllables run together ("feiyi"), a space, the initials ("fy").
-- Characters without a reading (Latin, digits, punctuation) are left out.
CREATE FUNCTION search_pinyin(t text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    result text;
BEGIN
    -- One index lookup a character: a join would be planned once for the session, as a hash
    -- join reading all 20,901 rows of pinyin on every call.
    SELECT coalesce(string_agg(x.syllable, '' ORDER BY x.i), '') || ' '
           || coalesce(string_agg(left(x.syllable, 1), '' ORDER BY x.i), '')
    INTO result
    FROM (SELECT c.i, (SELECT p.syllable FROM pinyin p WHERE p.ch = c.ch) AS syllable
          FROM unnest(regexp_split_to_array(coalesce(t, ''), '')) WITH ORDINALITY AS c (ch, i)
          WHERE ascii(c.ch) BETWEEN 19968 AND 40959) AS x;
    RETURN result;
END
$$;

-- Lower-cased texts, one a line. A Mongolian text still marked "to be translated" (the Chinese
-- text behind a marker) is left out: it repeats the Chinese, and its marker is not content.
CREATE FUNCTION search_lines(VARIADIC texts text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(lower(x), E'\n'), '') FROM unnest(texts) AS x
    WHERE x <> '' AND x NOT LIKE '【蒙译待补】%'
$$;

-- The names of theme boards, one a line.
CREATE FUNCTION search_theme_names(codes text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(search_lines(t.name_zh, t.name_en), E'\n' ORDER BY t.sort_order), '')
    FROM theme t WHERE t.code = ANY(codes)
$$;

-- The functions below are PL/pgSQL, not SQL, on purpose: PL/pgSQL keeps the plans of its
-- statements for the session, where a SQL function called from a trigger is planned on every
-- call (measured: 2.5 ms against 0.15 ms a row).
CREATE FUNCTION search_doc_put(
    p_kind text, p_ref bigint, p_names text, p_places text, p_descriptions text, p_themes text,
    p_chinese_name text, p_visible_until timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    py text := search_pinyin(p_chinese_name);
BEGIN
    INSERT INTO search_doc AS d (kind, ref_id, names, places, descriptions, themes, pinyin, grams,
                                 visible_until)
    VALUES (p_kind, p_ref, p_names, p_places, p_descriptions, p_themes, py,
            search_grams(p_names || E'\n' || p_places || E'\n' || p_descriptions || E'\n'
                         || p_themes || E'\n' || py),
            p_visible_until)
    ON CONFLICT (kind, ref_id) DO UPDATE
        SET names = excluded.names, places = excluded.places,
            descriptions = excluded.descriptions, themes = excluded.themes,
            pinyin = excluded.pinyin, grams = excluded.grams,
            visible_until = excluded.visible_until;
END
$$;

-- An activity's document. Its place is its point's Chinese name and address only: the other
-- languages would add some 400 grams to every activity (measured: 0.7 ms a row in the GIN index)
-- for little, as the point itself is found in every language. An activity that is already over
-- or cancelled cannot be found, so it gets no document at all (half of the demo's activities are
-- history).
CREATE FUNCTION search_index_activity(a activity) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    place text;
BEGIN
    IF a.cancelled_at IS NOT NULL OR a.ends_at <= now() THEN
        DELETE FROM search_doc WHERE kind = 'ACTIVITY' AND ref_id = a.id;
        RETURN;
    END IF;
    -- (A variable of type "point" would be PostgreSQL's geometric point, hence the text.)
    SELECT search_lines(p.name_zh, p.address_zh) INTO place FROM point p WHERE p.id = a.point_id;
    PERFORM search_doc_put(
        'ACTIVITY', a.id,
        search_lines(a.title_zh, a.title_mn, a.title_en),
        coalesce(place, ''),
        search_lines(a.description_zh, a.description_mn, a.description_en),
        search_theme_names(ARRAY[a.theme_code]),
        a.title_zh,
        a.ends_at);
END
$$;

-- A point's document, and on request those of its upcoming activities (their place is the
-- point's name and address).
CREATE FUNCTION search_index_point(p_id bigint, with_activities boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_doc_put(
        'POINT', p.id,
        search_lines(p.name_zh, p.name_mn, p.name_en),
        search_lines(p.address_zh, p.address_mn, p.address_en),
        search_lines(p.description_zh, p.description_mn, p.description_en),
        search_theme_names(ARRAY(SELECT t.theme_code FROM point_theme t WHERE t.point_id = p.id)),
        p.name_zh, 'infinity')
    FROM point p WHERE p.id = p_id;
    IF with_activities THEN
        PERFORM search_index_activity(a) FROM activity a
        WHERE a.point_id = p_id AND a.ends_at > now() AND a.cancelled_at IS NULL;
    END IF;
END
$$;

CREATE FUNCTION search_index_point_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_point(NEW.id, TG_OP = 'UPDATE');
    RETURN NULL;
END
$$;

CREATE FUNCTION search_index_point_theme_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_point(CASE WHEN TG_OP = 'DELETE' THEN OLD.point_id ELSE NEW.point_id END,
                               false);
    RETURN NULL;
END
$$;

CREATE FUNCTION search_index_theme_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_point(t.point_id, false) FROM point_theme t WHERE t.theme_code = NEW.code;
    PERFORM search_index_activity(a) FROM activity a
    WHERE a.theme_code = NEW.code AND a.ends_at > now() AND a.cancelled_at IS NULL;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_index_activity_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_index_activity(NEW);
    RETURN NULL;
END
$$;

CREATE FUNCTION search_unindex() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_doc WHERE kind = TG_ARGV[0] AND ref_id = OLD.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER point_search_insert AFTER INSERT ON point
    FOR EACH ROW EXECUTE FUNCTION search_index_point_row();
CREATE TRIGGER point_search_update AFTER UPDATE ON point
    FOR EACH ROW
    WHEN ((OLD.name_zh, OLD.name_mn, OLD.name_en, OLD.address_zh, OLD.address_mn, OLD.address_en,
           OLD.description_zh, OLD.description_mn, OLD.description_en)
          IS DISTINCT FROM
          (NEW.name_zh, NEW.name_mn, NEW.name_en, NEW.address_zh, NEW.address_mn, NEW.address_en,
           NEW.description_zh, NEW.description_mn, NEW.description_en))
    EXECUTE FUNCTION search_index_point_row();
CREATE TRIGGER point_search_delete AFTER DELETE ON point
    FOR EACH ROW EXECUTE FUNCTION search_unindex('POINT');

CREATE TRIGGER point_theme_search AFTER INSERT OR DELETE ON point_theme
    FOR EACH ROW EXECUTE FUNCTION search_index_point_theme_row();
CREATE TRIGGER theme_search_update AFTER UPDATE ON theme
    FOR EACH ROW
    WHEN ((OLD.name_zh, OLD.name_en) IS DISTINCT FROM (NEW.name_zh, NEW.name_en))
    EXECUTE FUNCTION search_index_theme_row();

CREATE TRIGGER activity_search_insert AFTER INSERT ON activity
    FOR EACH ROW EXECUTE FUNCTION search_index_activity_row();
CREATE TRIGGER activity_search_update AFTER UPDATE ON activity
    FOR EACH ROW
    WHEN ((OLD.title_zh, OLD.title_mn, OLD.title_en, OLD.description_zh, OLD.description_mn,
           OLD.description_en, OLD.point_id, OLD.theme_code, OLD.ends_at, OLD.cancelled_at)
          IS DISTINCT FROM
          (NEW.title_zh, NEW.title_mn, NEW.title_en, NEW.description_zh, NEW.description_mn,
           NEW.description_en, NEW.point_id, NEW.theme_code, NEW.ends_at, NEW.cancelled_at))
    EXECUTE FUNCTION search_index_activity_row();
CREATE TRIGGER activity_search_delete AFTER DELETE ON activity
    FOR EACH ROW EXECUTE FUNCTION search_unindex('ACTIVITY');

-- Rows that existed before this migration.
SELECT search_index_point(id, false) FROM point;
SELECT search_index_activity(a) FROM activity a WHERE a.ends_at > now() AND a.cancelled_at IS NULL;
