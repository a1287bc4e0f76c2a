package org.practicemap.stats;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.practicemap.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the months that are over ({@code stats_settle()} in {@code V8_1__stats.sql}): their
 * figures move into the monthly rollups, so a year of figures reads a few thousand rows instead of
 * a year of activities. Only speed depends on it — an unsettled month is answered from the
 * per-activity rows with the same figures. Runs at start and then periodically on every replica;
 * two replicas at once serialise on the function's table locks and the second finds nothing to do.
 */
public final class SettleSweep {
  private static final Logger log = LoggerFactory.getLogger(SettleSweep.class);

  private final Sql sql;

  public SettleSweep(Sql sql) {
    this.sql = sql;
  }

  /** Runs now and then every {@code periodMs}. */
  public void schedule(Vertx vertx, long periodMs) {
    run();
    vertx.setPeriodic(periodMs, id -> run());
  }

  /** Settles what can be settled; answers how many days and months. */
  public Future<Integer> run() {
    return settleFrom(0)
        .onSuccess(
            units -> {
              if (units > 0) {
                log.info("Settled the report figures of {} days and months", units);
              }
            })
        .onFailure(e -> log.warn("Settling the report figures failed: {}", e.toString()));
  }

  private Future<Integer> settleFrom(int soFar) {
    return sql.query("SELECT stats_settle(1) AS settled")
        .map(rows -> rows.iterator().next().getInteger("settled"))
        .compose(one -> one == 0 ? Future.succeededFuture(soFar) : settleFrom(soFar + one));
  }
}
