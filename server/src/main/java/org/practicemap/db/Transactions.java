package org.practicemap.db;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Transactions that PostgreSQL may abort to protect them from each other (a deadlock victim, a
 * serialization failure) are run again, a few times, after a short random pause: such an abort
 * rolled everything back, so running the whole transaction again is safe, and the user never sees
 * an error that only meant "two people clicked at once".
 */
public final class Transactions {
  static final int ATTEMPTS = 5;

  private Transactions() {}

  public static <T> Future<T> retrying(Sql sql, Function<Sql, Future<T>> work) {
    return attempt(sql, work, 1);
  }

  private static <T> Future<T> attempt(Sql sql, Function<Sql, Future<T>> work, int attempt) {
    return sql.transaction(work)
        .recover(
            e -> {
              if (attempt >= ATTEMPTS || !isTransient(e)) {
                return Future.failedFuture(e);
              }
              return pause(attempt).compose(v -> attempt(sql, work, attempt + 1));
            });
  }

  static boolean isTransient(Throwable e) {
    return e instanceof PgException pg
        && (SqlState.SERIALIZATION_FAILURE.equals(pg.getSqlState())
            || SqlState.DEADLOCK_DETECTED.equals(pg.getSqlState()));
  }

  /** 5–20 ms, then longer: spreads the retries of transactions that collided. */
  private static Future<Void> pause(int attempt) {
    Context context = Vertx.currentContext();
    long millis = ThreadLocalRandom.current().nextLong(5, 20) * attempt;
    if (context == null) {
      return Future.succeededFuture();
    }
    return context.owner().timer(millis).mapEmpty();
  }
}
