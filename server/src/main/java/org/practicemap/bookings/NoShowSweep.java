package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.practicemap.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an activity ends, its CONFIRMED bookings that never checked in become NO_SHOW and stop
 * counting as taken seats. A periodic job on every replica; safe to run on several at once:
 *
 * <ul>
 *   <li>one transaction-level advisory lock lets one replica sweep at a time (the others skip);
 *   <li>the update only moves CONFIRMED rows, so a second sweep of the same activity does nothing;
 *   <li>it locks the activities first, as booking and cancelling do, so it cannot deadlock them.
 * </ul>
 *
 * It looks only at activities that ended since its last sweep (kept in {@code app_meta}) minus a
 * day of overlap (a booking that committed while a sweep ran, an end time moved into the past), and
 * locks only those that still have CONFIRMED bookings: its cost follows the activities ending, not
 * all the history.
 */
public final class NoShowSweep {
  private static final Logger log = LoggerFactory.getLogger(NoShowSweep.class);
  static final long LOCK_KEY = 0x706d5f6e6f73686fL; // "pm_nosho"
  static final String WATERMARK = "no_show_swept_until";

  private static final String SWEEP =
      "WITH due AS ("
          + " SELECT a.id FROM activity a WHERE a.capacity IS NOT NULL AND a.ends_at <= now()"
          + " AND a.ends_at > $1::text::timestamptz - interval '1 day'"
          + " AND EXISTS (SELECT 1 FROM booking c WHERE c.activity_id = a.id"
          + " AND c.status = 'CONFIRMED') ORDER BY a.id FOR UPDATE OF a),"
          + " marked AS (UPDATE booking b SET status = 'NO_SHOW' FROM due"
          + " WHERE b.activity_id = due.id AND b.status = 'CONFIRMED'"
          + " RETURNING b.activity_id, b.party_size),"
          + " freed AS (SELECT activity_id, sum(party_size)::int AS seats FROM marked"
          + " GROUP BY activity_id),"
          + " done AS (UPDATE activity a SET seats_taken = a.seats_taken - freed.seats"
          + " FROM freed WHERE a.id = freed.activity_id RETURNING a.id)"
          + " SELECT (SELECT count(*) FROM marked) AS bookings, (SELECT count(*) FROM done)"
          + " AS activities";

  private final Sql sql;

  public NoShowSweep(Sql sql) {
    this.sql = sql;
  }

  /** Result of one sweep: whether this replica swept, and how many bookings it marked. */
  public record Swept(boolean ran, int bookings, int activities) {}

  /** Runs the job every {@code periodMs}, starting after one period. */
  public long schedule(Vertx vertx, long periodMs) {
    return vertx.setPeriodic(
        periodMs,
        id ->
            run()
                .onSuccess(
                    s -> {
                      if (s.bookings() > 0) {
                        log.info(
                            "Marked {} bookings of {} ended activities as no-shows",
                            s.bookings(),
                            s.activities());
                      }
                    })
                .onFailure(e -> log.warn("No-show sweep failed: {}", e.toString())));
  }

  public Future<Swept> run() {
    return sql.transaction(
        tx ->
            tx.query(
                    "SELECT pg_try_advisory_xact_lock($1) AS locked, coalesce((SELECT value FROM"
                        + " app_meta WHERE key = $2), '-infinity') AS since",
                    Tuple.of(LOCK_KEY, WATERMARK))
                .compose(
                    rows -> {
                      Row row = rows.iterator().next();
                      if (!row.getBoolean("locked")) {
                        return Future.succeededFuture(new Swept(false, 0, 0));
                      }
                      return sweep(tx, row.getString("since"));
                    }));
  }

  private static Future<Swept> sweep(Sql tx, String since) {
    return tx.query(SWEEP, Tuple.of(since))
        .compose(
            rows -> {
              Row row = rows.iterator().next();
              Swept swept =
                  new Swept(
                      true,
                      row.getLong("bookings").intValue(),
                      row.getLong("activities").intValue());
              return tx.query(
                      "INSERT INTO app_meta (key, value) VALUES ($1, now()::text)"
                          + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                      Tuple.of(WATERMARK))
                  .compose(
                      v ->
                          tx.query(
                              "DELETE FROM booking_attempt"
                                  + " WHERE window_start < now() - interval '2 hours'"))
                  .map(v -> swept);
            });
  }
}
