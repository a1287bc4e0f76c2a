package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.Sql;

/** The SQL of bookings. Methods taking a {@code tx} run inside the caller's transaction. */
final class BookingRepository {
  private static final String ACTIVE = "('CONFIRMED', 'WAITLISTED', 'CHECKED_IN')";

  private final Sql sql;

  BookingRepository(Sql sql) {
    this.sql = sql;
  }

  Future<Booking> byCode(String code) {
    return sql.query(
            "SELECT " + Booking.COLUMNS + " FROM booking b WHERE b.code = $1", Tuple.of(code))
        .map(BookingRepository::first);
  }

  /** The activity a ticket is for, or null: read before queueing a change of that activity. */
  Future<Long> activityOf(String code) {
    return sql.query("SELECT activity_id FROM booking WHERE code = $1", Tuple.of(code))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
  }

  /**
   * The bookings that decide new bookings' fate: those made earlier with the same idempotency keys,
   * and the active ones of the same phones. Read under the activity's lock.
   */
  static Future<List<Booking>> related(Sql tx, long activityId, List<BookingInput> inputs) {
    Tuple args =
        Tuple.tuple()
            .addLong(activityId)
            .addArrayOfString(
                inputs.stream().map(BookingInput::idempotencyKey).toArray(String[]::new))
            .addArrayOfString(inputs.stream().map(BookingInput::phone).toArray(String[]::new));
    return tx.query(
            "SELECT "
                + Booking.COLUMNS
                + " FROM booking b WHERE b.activity_id = $1 AND (b.idempotency_key = ANY($2)"
                + " OR (b.phone = ANY($3) AND b.status IN "
                + ACTIVE
                + "))",
            args)
        .map(BookingRepository::all);
  }

  static Future<Integer> waitlistLength(Sql tx, long activityId) {
    return tx.query(
            "SELECT count(*) FROM booking WHERE activity_id = $1 AND status = 'WAITLISTED'",
            Tuple.of(activityId))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  private static final String INSERT =
      "INSERT INTO booking AS b (code, activity_id, status, party_size, name, phone, source,"
          + " idempotency_key, created_at, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
          + " clock_timestamp(), CASE WHEN $3 = 'CONFIRMED' THEN clock_timestamp() END)"
          + " ON CONFLICT (code) DO NOTHING RETURNING "
          + Booking.COLUMNS;

  /**
   * Inserts bookings in one round trip, each with a fresh code; a null in the answer means that
   * code was taken (then the caller draws another). {@code clock_timestamp()} rather than {@code
   * now()}: the time is taken under the activity's lock, row by row, so the waiting list's order
   * (created_at, id) is the order in which the requests were decided.
   */
  static Future<List<Booking>> insert(Sql tx, List<BatchDecision.Create> creates) {
    List<Tuple> rows = new ArrayList<>(creates.size());
    for (BatchDecision.Create c : creates) {
      BookingInput in = c.in();
      rows.add(
          Tuple.tuple()
              .addValue(BookingCodes.next())
              .addValue(in.activityId())
              .addValue(c.status())
              .addValue((short) in.partySize())
              .addValue(in.name())
              .addValue(in.phone())
              .addValue(in.source())
              .addValue(in.idempotencyKey()));
    }
    return tx.batch(INSERT, rows)
        .map(
            first -> {
              List<Booking> inserted = new ArrayList<>(creates.size());
              for (RowSet<Row> rs = first; rs != null; rs = rs.next()) {
                inserted.add(BookingRepository.first(rs));
              }
              return inserted;
            });
  }

  static Future<Void> addSeats(Sql tx, long activityId, int seats) {
    if (seats == 0) {
      return Future.succeededFuture();
    }
    return tx.query(
            "UPDATE activity SET seats_taken = seats_taken + $2 WHERE id = $1",
            Tuple.of(activityId, seats))
        .mapEmpty();
  }

  /** Locks a booking's row for a change of its status. */
  static Future<Booking> lockByCode(Sql tx, String code) {
    return tx.query(
            "SELECT " + Booking.COLUMNS + " FROM booking b WHERE b.code = $1 FOR UPDATE",
            Tuple.of(code))
        .map(BookingRepository::first);
  }

  static Future<Booking> cancel(Sql tx, long id) {
    return tx.query(
            "UPDATE booking b SET status = 'CANCELLED', cancelled_at = now() WHERE b.id = $1"
                + " RETURNING "
                + Booking.COLUMNS,
            Tuple.of(id))
        .map(BookingRepository::first);
  }

  /** Waitlisted bookings {id, party size} in order, from the {@code offset}-th on. */
  static Future<List<long[]>> waitlist(Sql tx, long activityId, int limit, int offset) {
    return tx.query(
            "SELECT id, party_size FROM booking WHERE activity_id = $1 AND status = 'WAITLISTED'"
                + " ORDER BY created_at, id LIMIT $2 OFFSET $3",
            Tuple.of(activityId, limit, offset))
        .map(
            rows -> {
              List<long[]> list = new ArrayList<>();
              rows.forEach(r -> list.add(new long[] {r.getLong(0), r.getInteger(1)}));
              return list;
            });
  }

  static Future<Void> confirm(Sql tx, List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.query(
            "UPDATE booking SET status = 'CONFIRMED', confirmed_at = now()"
                + " WHERE id = ANY($1) AND status = 'WAITLISTED'",
            Tuple.of(ids.toArray(Long[]::new)))
        .mapEmpty();
  }

  /** Positions on the waiting list (1 = next) of WAITLISTED bookings; others are absent. */
  Future<Map<Long, Integer>> positions(List<Long> bookingIds) {
    return sql.query(
            "SELECT b.id, (SELECT count(*) FROM booking w WHERE w.activity_id = b.activity_id"
                + " AND w.status = 'WAITLISTED' AND (w.created_at, w.id) <= (b.created_at, b.id))"
                + " FROM booking b WHERE b.id = ANY($1) AND b.status = 'WAITLISTED'",
            Tuple.of(bookingIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, Integer> positions = new HashMap<>();
              rows.forEach(r -> positions.put(r.getLong(0), r.getLong(1).intValue()));
              return positions;
            });
  }

  /** The ltree path of each activity's point: who may see a booking's personal data. */
  Future<Map<Long, String>> pointPaths(List<Long> activityIds) {
    return sql.query(
            "SELECT a.id, p.path::text FROM activity a JOIN point p ON p.id = a.point_id"
                + " WHERE a.id = ANY($1)",
            Tuple.of(activityIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, String> paths = new HashMap<>();
              rows.forEach(r -> paths.put(r.getLong(0), r.getString(1)));
              return paths;
            });
  }

  static Booking first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : Booking.from(rows.iterator().next());
  }

  private static List<Booking> all(RowSet<Row> rows) {
    List<Booking> list = new ArrayList<>();
    rows.forEach(r -> list.add(Booking.from(r)));
    return list;
  }
}
