-- The kiosk registry: touchscreens in practice centres and at mobile service points.
--
-- The id is the readable key an installer types into a screen's start-up URL
-- (/kiosk/?id=demo-centre), so it is text, compared byte-wise (COLLATE "C": the listing's
-- keyset order is the same on every server), and unique regardless of case: "Demo-Centre"
-- next to "demo-centre" would be a trap for whoever types it.
--
-- Heartbeats live in a table of their own. A kiosk reports every 30 s; if that touched this
-- row, the change trigger would tell every screen to refetch its configuration twice a
-- minute, and `version` would mean nothing. kiosk changes only when someone configures it.

CREATE TABLE kiosk (
    id             text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    point_id       bigint NOT NULL REFERENCES point (id) ON DELETE CASCADE,
    name_zh        text   NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    name_mn        text,
    name_en        text,
    override_lat   double precision CHECK (override_lat BETWEEN -90 AND 90),
    override_lng   double precision CHECK (override_lng BETWEEN -180 AND 180),
    default_lang   text    NOT NULL DEFAULT 'ZH' CHECK (default_lang IN ('ZH', 'MN', 'EN')),
    bilingual      boolean NOT NULL DEFAULT false,
    theme_codes    text[]  NOT NULL DEFAULT '{}',
    orientation    text    NOT NULL DEFAULT 'PORTRAIT'
                           CHECK (orientation IN ('PORTRAIT', 'LANDSCAPE')),
    radius_meters  int     NOT NULL DEFAULT 3000 CHECK (radius_meters BETWEEN 100 AND 50000),
    tile_url       text    CHECK (length(tile_url) <= 500),
    idle_seconds   int     NOT NULL DEFAULT 60 CHECK (idle_seconds BETWEEN 15 AND 600),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint NOT NULL DEFAULT 1,
    CHECK ((override_lat IS NULL) = (override_lng IS NULL))
);
CREATE UNIQUE INDEX kiosk_id_lower_key ON kiosk (lower(id));
CREATE INDEX kiosk_point_idx ON kiosk (point_id);

CREATE TRIGGER kiosk_bump_version BEFORE UPDATE ON kiosk
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER kiosk_notify_change AFTER INSERT OR UPDATE OR DELETE ON kiosk
    FOR EACH ROW EXECUTE FUNCTION notify_change();

-- The last heartbeat of each kiosk: one row per kiosk, overwritten; no trigger, no event.
CREATE TABLE kiosk_heartbeat (
    kiosk_id        text COLLATE "C" PRIMARY KEY REFERENCES kiosk (id) ON DELETE CASCADE,
    last_seen_at    timestamptz NOT NULL,
    app_version     text NOT NULL CHECK (length(app_version) BETWEEN 1 AND 50),
    screen_width    int  NOT NULL CHECK (screen_width BETWEEN 1 AND 20000),
    screen_height   int  NOT NULL CHECK (screen_height BETWEEN 1 AND 20000),
    lang            text CHECK (lang IN ('ZH', 'MN', 'EN')),
    running_version bigint
);
CREATE INDEX kiosk_heartbeat_seen_idx ON kiosk_heartbeat (last_seen_at);
