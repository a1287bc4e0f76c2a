package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work for one activity runs one at a time, in order, whatever thread submits or completes it. */
class ActivityQueueTest {

  @Test
  void workFromManyThreadsRunsOneAtATimePerActivityAndAllOfItFinishes() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ActivityQueue queue = new ActivityQueue();
      int threads = 8;
      int perThread = 2000;
      AtomicInteger[] running = {new AtomicInteger(), new AtomicInteger()};
      AtomicInteger overlaps = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(threads * perThread);
      List<Thread> submitters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        submitters.add(
            new Thread(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    int activity = i % 2;
                    boolean async = i % 3 != 0;
                    queue
                        .run(
                            activity,
                            () -> {
                              if (running[activity].incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                              }
                              Promise<Void> finished = Promise.promise();
                              Runnable finish =
                                  () -> {
                                    running[activity].decrementAndGet();
                                    finished.complete();
                                  };
                              if (async) {
                                vertx.runOnContext(v -> finish.run());
                              } else {
                                finish.run();
                              }
                              return finished.future();
                            })
                        .onComplete(ar -> done.countDown());
                  }
                }));
      }
      submitters.forEach(Thread::start);
      assertEquals(true, done.await(60, TimeUnit.SECONDS), "work was lost: the queue stalled");
      assertEquals(0, overlaps.get());
      assertEquals(0, queue.size());
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aFailingOrThrowingWorkDoesNotStopTheNextOne() throws Exception {
    ActivityQueue queue = new ActivityQueue();
    Future<Object> thrown =
        queue.run(
            1,
            () -> {
              throw new IllegalStateException("boom");
            });
    Future<String> next = queue.run(1, () -> Future.succeededFuture("next"));
    assertEquals(true, thrown.failed());
    assertEquals("next", next.result());
    assertEquals(0, queue.size());
  }
}
