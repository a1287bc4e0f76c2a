package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the seat-changing transactions of one activity one after another inside this replica.
 *
 * <p>Correctness never depends on it: PostgreSQL's row lock on the activity does that. It keeps a
 * rush on one activity (hundreds of phones scanning the same kiosk) from filling the connection
 * pool with transactions that would only wait for that lock: here they wait in memory, one
 * connection per replica works through them, and the rest of the pool keeps serving everyone else.
 *
 * <p>The queues are plain deques under one lock: requests arrive on every event loop, and the next
 * task starts from whichever thread finished the previous one.
 */
final class ActivityQueue {
  /** Work waiting per activity; an activity is present while one of its tasks runs. */
  private final Map<Long, ArrayDeque<Runnable>> queues = new HashMap<>();

  /** Runs {@code work} once every earlier work for {@code activityId} has finished. */
  <T> Future<T> run(long activityId, Supplier<Future<T>> work) {
    Promise<T> result = Promise.promise();
    Runnable task = () -> start(activityId, work, result);
    boolean idle;
    synchronized (queues) {
      ArrayDeque<Runnable> queue = queues.get(activityId);
      idle = queue == null;
      if (idle) {
        queues.put(activityId, new ArrayDeque<>());
      } else {
        queue.add(task);
      }
    }
    if (idle) {
      task.run();
    }
    return result.future();
  }

  private <T> void start(long activityId, Supplier<Future<T>> work, Promise<T> result) {
    Future<T> done;
    try {
      done = work.get();
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(
        ar -> {
          // Take the next task (or retire the queue) before answering, so that whoever sees
          // this result also sees the queue in its new state.
          Runnable next = takeNext(activityId);
          try {
            result.handle(ar);
          } finally {
            if (next != null) {
              next.run();
            }
          }
        });
  }

  private Runnable takeNext(long activityId) {
    synchronized (queues) {
      ArrayDeque<Runnable> queue = queues.get(activityId);
      Runnable task = queue.poll();
      if (task == null) {
        queues.remove(activityId);
      }
      return task;
    }
  }

  /** Activities with work queued or running, for tests: empty once everything finished. */
  int size() {
    synchronized (queues) {
      return queues.size();
    }
  }
}
