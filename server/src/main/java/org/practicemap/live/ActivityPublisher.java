package org.practicemap.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The event stream of one GraphQL subscription, as graphql-java needs it (a Reactive Streams {@link
 * Publisher}), fed by the {@link LiveHub}.
 *
 * <p>It never blocks the hub and never grows without bound. Events wait in a queue until the
 * subscriber asks for them (the WebSocket asks only while the client keeps up reading). The queue
 * holds one entry per activity: a newer event about an activity replaces the waiting one, since a
 * screen needs only the newest state. When it is full, the backlog is dropped and the subscriber
 * gets one {@code RESYNC} event instead, the moment it asks again.
 *
 * <p>All state is touched on the subscription's event loop; signals follow the Reactive Streams
 * rules (one subscriber, {@code onSubscribe} first, {@code request(n <= 0)} is an error, {@code
 * cancel} stops delivery and unregisters from the hub, re-entrant {@code request} is bounded).
 */
final class ActivityPublisher implements Publisher<ActivityEvent> {
  private final LiveHub hub;
  private final Context context;
  private final ChangeFilter filter;
  private final int maxQueued;
  private final Runnable beforeEach;
  private boolean subscribed;

  /**
   * @param beforeEach runs before each event goes to the subscriber (e.g. clearing the
   *     subscription's DataLoader caches, so that each event reads fresh data)
   */
  ActivityPublisher(
      LiveHub hub, Context context, ChangeFilter filter, int maxQueued, Runnable beforeEach) {
    this.hub = hub;
    this.context = context;
    this.filter = filter;
    this.maxQueued = maxQueued;
    this.beforeEach = beforeEach;
  }

  @Override
  public void subscribe(Subscriber<? super ActivityEvent> subscriber) {
    Objects.requireNonNull(subscriber, "§1.9: the subscriber must not be null");
    onContext(
        () -> {
          if (subscribed) {
            subscriber.onSubscribe(new Rejected());
            subscriber.onError(new IllegalStateException("This stream has a subscriber already."));
            return;
          }
          subscribed = true;
          Sub sub = new Sub(subscriber);
          subscriber.onSubscribe(sub);
          if (!sub.done) {
            hub.follow(context, sub);
          }
        });
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private final class Sub implements Subscription, LiveHub.Follower {
    private final Subscriber<? super ActivityEvent> subscriber;
    private final Map<Long, ActivityEvent> queue = new LinkedHashMap<>();
    private boolean resync;
    private long demand;
    private boolean done;
    private boolean draining;
    private long lastVersion = -1;

    Sub(Subscriber<? super ActivityEvent> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public ChangeFilter filter() {
      return filter;
    }

    @Override
    public void offer(ActivityEvent event) {
      if (done || isStale(event)) {
        return;
      }
      if (event.kind() == ActivityEvent.Kind.RESYNC) {
        overflow();
      } else {
        enqueue(event);
      }
      drain();
    }

    /** An update this subscriber already has: loads may see a version before its event. */
    private boolean isStale(ActivityEvent event) {
      if (filter.activityId() == null || event.activity() == null) {
        return false;
      }
      long version = event.activity().version();
      if (version <= lastVersion && event.kind() == ActivityEvent.Kind.UPDATED) {
        return true;
      }
      lastVersion = Math.max(lastVersion, version);
      return false;
    }

    private void enqueue(ActivityEvent event) {
      ActivityEvent waiting = queue.get(event.activityId());
      if (waiting != null) {
        queue.put(event.activityId(), waiting.then(event));
      } else if (queue.size() >= maxQueued) {
        overflow();
      } else {
        queue.put(event.activityId(), event);
      }
    }

    /** Whatever waits is moot: the subscriber refetches everything after a resync. */
    private void overflow() {
      queue.clear();
      resync = true;
    }

    private void drain() {
      if (draining) {
        return; // a request(n) from inside onNext: the loop below goes on
      }
      draining = true;
      try {
        while (!done && demand > 0) {
          ActivityEvent next = poll();
          if (next == null) {
            break;
          }
          demand--;
          beforeEach.run();
          subscriber.onNext(next);
        }
      } finally {
        draining = false;
      }
    }

    private ActivityEvent poll() {
      if (resync) {
        resync = false;
        return ActivityEvent.RESYNC;
      }
      Iterator<ActivityEvent> it = queue.values().iterator();
      if (!it.hasNext()) {
        return null;
      }
      ActivityEvent next = it.next();
      it.remove();
      return next;
    }

    @Override
    public void request(long n) {
      onContext(
          () -> {
            if (done) {
              return;
            }
            if (n <= 0) {
              stop();
              subscriber.onError(
                  new IllegalArgumentException("§3.9: request(n) needs n > 0, got " + n));
              return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            drain();
          });
    }

    @Override
    public void cancel() {
      onContext(
          () -> {
            if (!done) {
              stop();
            }
          });
    }

    private void stop() {
      done = true;
      queue.clear();
      hub.unfollow(context, this);
    }
  }

  private static final class Rejected implements Subscription {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
