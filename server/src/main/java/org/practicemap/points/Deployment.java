package org.practicemap.points;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.practicemap.common.LocalZone;
import org.practicemap.common.LocalizedText;

/** Where and when a mobile volunteer service point stands. */
public record Deployment(
    long id,
    long pointId,
    double lat,
    double lng,
    LocalizedText address,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt) {

  static final String COLUMNS =
      "id, point_id, lat, lng, address_zh, address_mn, address_en, starts_at, ends_at";

  static Deployment from(Row row) {
    return new Deployment(
        row.getLong("id"),
        row.getLong("point_id"),
        row.getDouble("lat"),
        row.getDouble("lng"),
        LocalizedText.from(row, "address"),
        LocalZone.offsetTime(row.getOffsetDateTime("starts_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("ends_at")));
  }
}
