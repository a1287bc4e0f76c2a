package org.practicemap.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import org.practicemap.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the search documents of activities that have ended. They are never found again, but
 * without this they would stay in the GIN index, and every search for a common word would read the
 * candidates of all past years before discarding them. A periodic job on every replica: batches of
 * {@link #BATCH} rows, each its own short statement, so it never holds many locks or a long
 * transaction; two replicas sweeping at once only delete fewer rows each.
 */
public final class ExpiredDocumentSweep {
  private static final Logger log = LoggerFactory.getLogger(ExpiredDocumentSweep.class);
  static final int BATCH = 5_000;

  private static final String DELETE_BATCH =
      "DELETE FROM search_doc WHERE kind = 'ACTIVITY' AND ref_id IN ("
          + " SELECT ref_id FROM search_doc WHERE kind = 'ACTIVITY' AND visible_until <= now()"
          + " LIMIT $1 FOR UPDATE SKIP LOCKED)";

  private final Sql sql;

  public ExpiredDocumentSweep(Sql sql) {
    this.sql = sql;
  }

  /** Runs the sweep every {@code periodMs}, starting after one period. */
  public long schedule(Vertx vertx, long periodMs) {
    return vertx.setPeriodic(
        periodMs,
        id ->
            run()
                .onSuccess(
                    deleted -> {
                      if (deleted > 0) {
                        log.info("Removed {} search documents of ended activities", deleted);
                      }
                    })
                .onFailure(e -> log.warn("Search document sweep failed: {}", e.toString())));
  }

  /** Deletes every expired document, batch after batch; answers how many. */
  public Future<Integer> run() {
    return deleteFrom(0);
  }

  private Future<Integer> deleteFrom(int deletedSoFar) {
    return sql.query(DELETE_BATCH, Tuple.of(BATCH))
        .compose(
            rows -> {
              int deleted = deletedSoFar + rows.rowCount();
              return rows.rowCount() < BATCH
                  ? Future.succeededFuture(deleted)
                  : deleteFrom(deleted);
            });
  }
}
