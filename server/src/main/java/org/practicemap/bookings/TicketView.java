package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;

/** What a ticket's calendar file shows: the booking, its activity and where it takes place. */
record TicketView(
    long bookingId,
    String code,
    String status,
    int partySize,
    long version,
    LocalizedText title,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    LocalizedText place,
    LocalizedText address,
    double lat,
    double lng) {

  /** One statement: the ticket with its activity, point and (for a mobile point) deployment. */
  static Future<TicketView> byCode(Sql sql, String code) {
    return sql.query(
            "SELECT b.id, b.code, b.status, b.party_size, b.version, a.title_zh, a.title_mn,"
                + " a.title_en, a.starts_at, a.ends_at, p.name_zh, p.name_mn, p.name_en,"
                + " coalesce(d.address_zh, p.address_zh) AS address_zh,"
                + " coalesce(d.address_mn, p.address_mn) AS address_mn,"
                + " coalesce(d.address_en, p.address_en) AS address_en,"
                + " coalesce(d.lat, p.lat) AS lat, coalesce(d.lng, p.lng) AS lng"
                + " FROM booking b JOIN activity a ON a.id = b.activity_id"
                + " JOIN point p ON p.id = a.point_id"
                + " LEFT JOIN deployment d ON d.id = a.deployment_id WHERE b.code = $1",
            Tuple.of(code))
        .map(rows -> rows.size() == 0 ? null : from(rows.iterator().next()));
  }

  private static TicketView from(Row row) {
    return new TicketView(
        row.getLong("id"),
        row.getString("code"),
        row.getString("status"),
        row.getInteger("party_size"),
        row.getLong("version"),
        LocalizedText.from(row, "title"),
        row.getOffsetDateTime("starts_at"),
        row.getOffsetDateTime("ends_at"),
        LocalizedText.from(row, "name"),
        LocalizedText.from(row, "address"),
        row.getDouble("lat"),
        row.getDouble("lng"));
  }
}
