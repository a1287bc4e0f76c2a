package org.practicemap.bookings;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.practicemap.common.LocalZone;

/**
 * A booking as stored. {@code name} and {@code phone} are personal data: never logged, and shown in
 * full only to staff of the activity's part of the network ({@link PersonalData}). {@code position}
 * is set when the transaction that made the booking knew it; otherwise it is loaded.
 */
public record Booking(
    long id,
    String code,
    long activityId,
    String status,
    int partySize,
    String name,
    String phone,
    String source,
    String idempotencyKey,
    OffsetDateTime createdAt,
    OffsetDateTime confirmedAt,
    OffsetDateTime checkedInAt,
    OffsetDateTime cancelledAt,
    Integer position) {

  /** The columns {@link #from} reads (table alias {@code b}). */
  static final String COLUMNS =
      "b.id, b.code, b.activity_id, b.status, b.party_size, b.name, b.phone, b.source,"
          + " b.idempotency_key, b.created_at, b.confirmed_at, b.checked_in_at, b.cancelled_at";

  /** The statuses that hold a seat (they count in {@code activity.seats_taken}). */
  static boolean holdsSeats(String status) {
    return status.equals("CONFIRMED") || status.equals("CHECKED_IN");
  }

  static Booking from(Row row) {
    return new Booking(
        row.getLong("id"),
        row.getString("code"),
        row.getLong("activity_id"),
        row.getString("status"),
        row.getInteger("party_size"),
        row.getString("name"),
        row.getString("phone"),
        row.getString("source"),
        row.getString("idempotency_key"),
        LocalZone.offsetTime(row.getOffsetDateTime("created_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("confirmed_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("checked_in_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("cancelled_at")),
        null);
  }

  Booking withPosition(Integer position) {
    return new Booking(
        id,
        code,
        activityId,
        status,
        partySize,
        name,
        phone,
        source,
        idempotencyKey,
        createdAt,
        confirmedAt,
        checkedInAt,
        cancelledAt,
        position);
  }

  /** Personal data stays out of logs even when a record is printed by accident. */
  @Override
  public String toString() {
    return "Booking[id=" + id + ", activityId=" + activityId + ", status=" + status + "]";
  }
}
