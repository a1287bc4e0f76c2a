package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.db.Sql;

/**
 * Audit entries for bookings made or cancelled with a token (staff booking for a visitor at the
 * desk, another system booking through the API); public callers are not audited. Written in the
 * transaction that wrote the bookings. Before and after hold the ticket code, status, party size,
 * activity id and source: never the name or the number, which the audit log must not hold.
 */
final class BookingAudit {
  private BookingAudit() {}

  /**
   * One entry per booking this batch created for a caller with a token, in one round trip. Replays
   * (the same idempotency key again) and refusals wrote nothing, so they leave no entry.
   */
  static Future<Void> booked(Sql tx, List<Caller> callers, List<Object> answers) {
    List<AuditLog.Entry> entries = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i) instanceof BookingService.Booked b && !b.replayed()) {
        entries.add(
            new AuditLog.Entry(
                callers.get(i),
                "bookActivity",
                "Booking",
                id(b.booking()),
                null,
                row(b.booking())));
      }
    }
    return AuditLog.recordAll(tx, entries);
  }

  /** The entry of a cancellation that changed something (a second cancel changes nothing). */
  static Future<Void> cancelled(
      Sql tx, Caller caller, Booking before, BookingService.Cancelled cancelled) {
    if (before.status().equals("CANCELLED")) {
      return Future.succeededFuture();
    }
    return AuditLog.record(
        tx,
        caller,
        "cancelBooking",
        "Booking",
        id(before),
        row(before),
        row(cancelled.booking()).put("promoted", cancelled.promoted()));
  }

  private static String id(Booking b) {
    return Long.toString(b.id());
  }

  /** The audited columns of a booking; the activity id as stored, as check-in records it. */
  private static JsonObject row(Booking b) {
    return new JsonObject()
        .put("code", b.code())
        .put("status", b.status())
        .put("partySize", b.partySize())
        .put("activityId", b.activityId())
        .put("source", b.source());
  }
}
