package org.practicemap.kiosks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.List;
import org.practicemap.common.Coordinates;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalZone;
import org.practicemap.common.LocalizedText;

/**
 * A registered kiosk as the API shows it: its configuration ({@link KioskSettings}), where it
 * stands now, and its last heartbeat ({@code seen}, null before the first one).
 *
 * @param pointPath the ltree path of its point, for scope checks
 * @param location the override, else a mobile point's current deployment, else the point
 */
public record Kiosk(
    String id,
    String pointPath,
    KioskSettings settings,
    Coordinates location,
    long version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    Seen seen,
    KioskStatus status) {

  /** What the last heartbeat reported. */
  public record Seen(
      OffsetDateTime lastSeenAt,
      String appVersion,
      int screenWidth,
      int screenHeight,
      Long runningVersion) {}

  /**
   * The SELECT list and joins that {@link #from} reads (aliases k, p, d, h). The status is computed
   * by the database's clock, the same one that stamps heartbeats.
   */
  static final String SELECT =
      "SELECT k.id, k.point_id, p.path::text AS point_path, k.name_zh, k.name_mn, k.name_en,"
          + " k.override_lat, k.override_lng, k.default_lang, k.bilingual, k.theme_codes,"
          + " k.orientation, k.radius_meters, k.tile_url, k.idle_seconds, k.version,"
          + " k.created_at, k.updated_at,"
          + " coalesce(k.override_lat, d.lat, p.lat) AS lat,"
          + " coalesce(k.override_lng, d.lng, p.lng) AS lng,"
          + " h.last_seen_at, h.app_version, h.screen_width, h.screen_height, h.running_version, "
          + KioskStatus.SQL
          + " AS status"
          + " FROM kiosk k JOIN point p ON p.id = k.point_id"
          + " LEFT JOIN LATERAL (SELECT dd.lat, dd.lng FROM deployment dd"
          + " WHERE dd.point_id = p.id AND p.level = 'MOBILE_POINT'"
          + " AND dd.starts_at <= now() AND dd.ends_at > now()"
          + " ORDER BY dd.starts_at DESC LIMIT 1) d ON true"
          + " LEFT JOIN kiosk_heartbeat h ON h.kiosk_id = k.id";

  static Kiosk from(Row row) {
    Double overrideLat = row.getDouble("override_lat");
    KioskSettings settings =
        new KioskSettings(
            row.getLong("point_id"),
            LocalizedText.from(row, "name"),
            overrideLat == null
                ? null
                : new Coordinates(overrideLat, row.getDouble("override_lng")),
            Lang.valueOf(row.getString("default_lang")),
            row.getBoolean("bilingual"),
            List.of(row.getArrayOfStrings("theme_codes")),
            KioskSettings.Orientation.valueOf(row.getString("orientation")),
            row.getInteger("radius_meters"),
            row.getString("tile_url"),
            row.getInteger("idle_seconds"));
    OffsetDateTime lastSeen = row.getOffsetDateTime("last_seen_at");
    Seen seen =
        lastSeen == null
            ? null
            : new Seen(
                LocalZone.offsetTime(lastSeen),
                row.getString("app_version"),
                row.getInteger("screen_width"),
                row.getInteger("screen_height"),
                row.getLong("running_version"));
    return new Kiosk(
        row.getString("id"),
        row.getString("point_path"),
        settings,
        new Coordinates(row.getDouble("lat"), row.getDouble("lng")),
        row.getLong("version"),
        LocalZone.offsetTime(row.getOffsetDateTime("created_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("updated_at")),
        seen,
        KioskStatus.valueOf(row.getString("status")));
  }

  /** The configuration for the audit log: what a manager set (kiosks hold no personal data). */
  JsonObject toJson() {
    KioskSettings s = settings;
    return new JsonObject()
        .put("id", id)
        .put("pointId", s.pointId())
        .put("name", s.name().zh())
        .put(
            "locationOverride",
            s.locationOverride() == null
                ? null
                : new JsonObject()
                    .put("lat", s.locationOverride().lat())
                    .put("lng", s.locationOverride().lng()))
        .put("defaultLang", s.defaultLang().name())
        .put("bilingual", s.bilingual())
        .put("themeCodes", new JsonArray(s.themeCodes()))
        .put("orientation", s.orientation().name())
        .put("radiusMeters", s.radiusMeters())
        .put("tileUrl", s.tileUrl())
        .put("idleSeconds", s.idleSeconds())
        .put("version", version);
  }
}
