package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the seat-changing transactions of one activity one after another inside this replica.
 *
 * <p>Correctness never depends on it: PostgreSQL's row lock on the activity does that. It keeps a
 * rush on one activity (hundreds of phones scanning the same kiosk) from filling the connection
 * pool with transactions that would only wait for that lock: here they wait in memory, one
 * connection per replica works through them, and the rest of the pool keeps serving everyone else.
 */
final class ActivityQueue {
  private final ConcurrentHashMap<Long, Future<?>> tails = new ConcurrentHashMap<>();

  /** Runs {@code work} once every earlier work for {@code activityId} has finished. */
  <T> Future<T> run(long activityId, Supplier<Future<T>> work) {
    Promise<T> result = Promise.promise();
    Future<T> mine = result.future();
    Future<?> before = tails.put(activityId, mine);
    Runnable start = () -> start(work, result);
    if (before == null) {
      start.run();
    } else {
      before.onComplete(ar -> start.run());
    }
    mine.onComplete(ar -> tails.remove(activityId, mine));
    return mine;
  }

  private static <T> void start(Supplier<Future<T>> work, Promise<T> result) {
    try {
      work.get().onComplete(result);
    } catch (RuntimeException e) {
      result.fail(e);
    }
  }

  /** Activities with work queued or running, for tests: empty once everything finished. */
  int size() {
    return tails.size();
  }
}
