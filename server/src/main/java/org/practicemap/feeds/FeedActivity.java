package org.practicemap.feeds;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalizedText;

/** An activity as a calendar feed shows it: what, when, where (the deployment's place, if any). */
record FeedActivity(
    long id,
    long version,
    LocalizedText title,
    LocalizedText description,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    boolean cancelled,
    String cancelReason,
    OffsetDateTime updatedAt,
    LocalizedText place,
    LocalizedText address,
    double lat,
    double lng) {

  static final String COLUMNS =
      "a.id, a.version, a.title_zh, a.title_mn, a.title_en, a.description_zh, a.description_mn,"
          + " a.description_en, a.starts_at, a.ends_at, a.cancelled_at IS NOT NULL AS cancelled,"
          + " a.cancel_reason, a.updated_at, p.name_zh AS place_zh, p.name_mn AS place_mn,"
          + " p.name_en AS place_en,"
          + " COALESCE(d.address_zh, p.address_zh) AS address_zh,"
          + " COALESCE(d.address_mn, p.address_mn) AS address_mn,"
          + " COALESCE(d.address_en, p.address_en) AS address_en,"
          + " COALESCE(d.lat, p.lat) AS lat, COALESCE(d.lng, p.lng) AS lng";
  static final String FROM =
      " FROM activity a JOIN point p ON p.id = a.point_id"
          + " LEFT JOIN deployment d ON d.id = a.deployment_id";

  static FeedActivity from(Row row) {
    return new FeedActivity(
        row.getLong("id"),
        row.getLong("version"),
        LocalizedText.from(row, "title"),
        LocalizedText.from(row, "description"),
        row.getOffsetDateTime("starts_at"),
        row.getOffsetDateTime("ends_at"),
        row.getBoolean("cancelled"),
        row.getString("cancel_reason"),
        row.getOffsetDateTime("updated_at"),
        LocalizedText.from(row, "place"),
        LocalizedText.from(row, "address"),
        row.getDouble("lat"),
        row.getDouble("lng"));
  }

  /** "Place, address", or the place alone. */
  String location(Lang lang) {
    String where = address.in(lang);
    return where == null || where.isBlank() ? place.in(lang) : place.in(lang) + ", " + where;
  }
}
