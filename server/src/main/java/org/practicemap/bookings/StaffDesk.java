package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * What staff do at the door: check tickets in and record walk-ins. Both need STAFF (or MANAGER,
 * ADMIN) over the activity's point, and both write the audit log in the same transaction, with ids
 * and statuses only: never a name or a number.
 */
final class StaffDesk {
  private final Sql sql;

  StaffDesk(Sql sql) {
    this.sql = sql;
  }

  /** What check-in and attendance need to know about an activity. */
  private record Door(
      long id,
      String pointPath,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      OffsetDateTime cancelledAt) {

    CheckInWindow window() {
      return CheckInWindow.of(startsAt, endsAt);
    }
  }

  record Recorded(long activityId, int count, int total, boolean replayed) {}

  /**
   * Checks a ticket in. Safe to repeat: the update only moves CONFIRMED to CHECKED_IN, so a second
   * scan (or a retry after a timeout) changes nothing and answers ALREADY_CHECKED_IN with the time.
   */
  Future<CheckInResult> checkIn(Caller caller, long activityId, String rawCode) {
    String code = BookingCodes.normalize(rawCode);
    caller.requireRole(Role.STAFF);
    return sql.transaction(
        tx ->
            door(tx, caller, activityId)
                .compose(
                    door -> {
                      if (code == null) {
                        return Future.succeededFuture(new CheckInResult("UNKNOWN_CODE", null));
                      }
                      if (door.cancelledAt() != null) {
                        return BookingRepository.lockByCode(tx, code)
                            .map(b -> new CheckInResult("ACTIVITY_CANCELLED", b));
                      }
                      return admit(tx, caller, door, code);
                    }));
  }

  private Future<CheckInResult> admit(Sql tx, Caller caller, Door door, String code) {
    Instant now = Instant.now();
    CheckInWindow window = door.window();
    if (window.notOpenYet(now) || window.closed(now)) {
      return BookingRepository.lockByCode(tx, code).map(b -> outsideWindow(door, b, now));
    }
    return tx.query(
            "UPDATE booking b SET status = 'CHECKED_IN', checked_in_at = now() WHERE b.code = $1"
                + " AND b.activity_id = $2 AND b.status = 'CONFIRMED' RETURNING "
                + Booking.COLUMNS,
            Tuple.of(code, door.id()))
        .compose(
            rows -> {
              Booking admitted = BookingRepository.first(rows);
              if (admitted != null) {
                return audit(tx, caller, admitted)
                    .map(v -> new CheckInResult("CHECKED_IN", admitted));
              }
              return BookingRepository.lockByCode(tx, code).map(b -> refusal(door, b));
            });
  }

  /**
   * Outside the window a ticket that could come in is refused for the time, and every other answer
   * stays as it is (a second scan still says when it was checked in, a stranger's ticket still says
   * whose activity it is for).
   */
  private static CheckInResult outsideWindow(Door door, Booking booking, Instant now) {
    if (booking == null
        || booking.activityId() != door.id()
        || !booking.status().equals("CONFIRMED")) {
      return refusal(door, booking);
    }
    CheckInWindow window = door.window();
    return window.notOpenYet(now)
        ? new CheckInResult("NOT_OPEN_YET", booking, window.opensAt())
        : new CheckInResult("ACTIVITY_ENDED", booking, window.closesAt());
  }

  private static CheckInResult refusal(Door door, Booking booking) {
    if (booking == null) {
      return new CheckInResult("UNKNOWN_CODE", null);
    }
    if (booking.activityId() != door.id()) {
      return new CheckInResult("OTHER_ACTIVITY", booking);
    }
    String outcome =
        booking.status().equals("CHECKED_IN") ? "ALREADY_CHECKED_IN" : booking.status();
    return new CheckInResult(outcome, booking);
  }

  private static Future<Void> audit(Sql tx, Caller caller, Booking booking) {
    return AuditLog.record(
        tx,
        caller,
        "booking.checkIn",
        "Booking",
        Long.toString(booking.id()),
        new JsonObject().put("status", "CONFIRMED"),
        new JsonObject()
            .put("status", "CHECKED_IN")
            .put("activityId", booking.activityId())
            .put("partySize", booking.partySize()));
  }

  /** Records walk-ins; the same idempotency key records them once. */
  Future<Recorded> recordAttendance(Caller caller, long activityId, int count, String key) {
    caller.requireRole(Role.STAFF);
    if (count < 1 || count > 10_000) {
      throw ApiException.badInput(
          "input.count", "Record 1 to 10000 people at a time, not " + count + ".");
    }
    return sql.transaction(
        tx ->
            door(tx, caller, activityId)
                .compose(
                    door -> {
                      requireOpenDoor(door);
                      return insertAttendance(tx, caller, door, count, key);
                    }));
  }

  private static void requireOpenDoor(Door door) {
    if (door.cancelledAt() != null) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "This activity was cancelled; nobody can attend it.",
          Map.of("reason", "ACTIVITY_CANCELLED"));
    }
    if (door.window().notOpenYet(Instant.now())) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "This activity has not started yet; record attendance from two hours before it starts.",
          Map.of("reason", "NOT_STARTED"));
    }
  }

  private static Future<Recorded> insertAttendance(
      Sql tx, Caller caller, Door door, int count, String key) {
    return tx.query(
            "INSERT INTO attendance (activity_id, count, recorded_by, idempotency_key)"
                + " VALUES ($1, $2, $3, $4) ON CONFLICT (activity_id, idempotency_key)"
                + " WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id",
            Tuple.of(door.id(), count, caller.subject(), key))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return replayAttendance(tx, door, count, key);
              }
              long id = rows.iterator().next().getLong(0);
              return AuditLog.record(
                      tx,
                      caller,
                      "attendance.record",
                      "Activity",
                      Long.toString(door.id()),
                      null,
                      new JsonObject().put("attendanceId", id).put("count", count))
                  .compose(v -> total(tx, door.id()))
                  .map(total -> new Recorded(door.id(), count, total, false));
            });
  }

  private static Future<Recorded> replayAttendance(Sql tx, Door door, int count, String key) {
    return tx.query(
            "SELECT count FROM attendance WHERE activity_id = $1 AND idempotency_key = $2",
            Tuple.of(door.id(), key))
        .compose(
            rows -> {
              int earlier = rows.iterator().next().getInteger(0);
              if (earlier != count) {
                throw new ApiException(
                    ErrorCode.CONFLICT,
                    "This idempotency key already recorded " + earlier + " people; use a new key.",
                    Map.of("reason", "IDEMPOTENCY_KEY_REUSED", "field", "input.idempotencyKey"));
              }
              return total(tx, door.id()).map(total -> new Recorded(door.id(), count, total, true));
            });
  }

  private static Future<Integer> total(Sql tx, long activityId) {
    return tx.query(
            "SELECT coalesce(sum(count), 0) FROM attendance WHERE activity_id = $1",
            Tuple.of(activityId))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  /** Loads the activity and checks that the caller is staff of its part of the network. */
  private static Future<Door> door(Sql tx, Caller caller, long activityId) {
    return tx.query(
            "SELECT a.id, p.path::text AS path, a.starts_at, a.ends_at, a.cancelled_at"
                + " FROM activity a"
                + " JOIN point p ON p.id = a.point_id WHERE a.id = $1",
            Tuple.of(activityId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw ApiException.notFound("There is no activity with this ID.");
              }
              Row row = rows.iterator().next();
              Door door =
                  new Door(
                      row.getLong("id"),
                      row.getString("path"),
                      row.getOffsetDateTime("starts_at"),
                      row.getOffsetDateTime("ends_at"),
                      row.getOffsetDateTime("cancelled_at"));
              caller.require(Role.STAFF, door.pointPath());
              return door;
            });
  }
}
