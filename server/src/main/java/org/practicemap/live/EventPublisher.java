package org.practicemap.live;

import io.vertx.core.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The event stream of one GraphQL subscription, as graphql-java needs it (a Reactive Streams {@link
 * Publisher}), fed by a {@link LiveHub} with changes {@code C} that it turns into events {@code E}.
 *
 * <p>It never blocks the hub and never grows without bound. Events wait in a queue until the
 * subscriber asks for them (the WebSocket asks only while the client keeps up reading). The queue
 * holds one entry per row: a newer event about a row folds into the waiting one, since a screen
 * needs only the newest state. When it is full, the backlog is dropped and the subscriber gets one
 * resync event instead, the moment it asks again.
 *
 * <p>All state is touched on the subscription's event loop; signals follow the Reactive Streams
 * rules (one subscriber, {@code onSubscribe} first, {@code request(n <= 0)} is an error, {@code
 * cancel} stops delivery and unregisters from the hub, re-entrant {@code request} is bounded).
 */
final class EventPublisher<C, E> implements Publisher<E> {
  /**
   * What one subscription follows and how its events fold.
   *
   * @param key the key of the one row it follows, or null to see every change
   * @param eventFor the event a change makes for this subscription, or null for none
   * @param rowOf the row an event is about: a newer event about the same row folds into a waiting
   *     one with {@code fold(older, newer)}
   * @param resync the event that says "refetch"
   */
  record Stream<C, E>(
      Object key,
      Function<C, E> eventFor,
      Function<E, Object> rowOf,
      BinaryOperator<E> fold,
      E resync) {}

  private final LiveHub<C> hub;
  private final Context context;
  private final Thread loop;
  private final Stream<C, E> stream;
  private final int maxQueued;
  private boolean subscribed;

  /** The registration of a {@link #held held} publisher, made before anyone subscribed. */
  private Sub early;

  /**
   * A publisher that registers with the hub only when graphql-java subscribes to it, and sends
   * changes from then on, with no first event of its own.
   *
   * @param context the subscription's context, and {@code loop} the thread of its event loop: the
   *     publisher runs there
   */
  EventPublisher(LiveHub<C> hub, Context context, Thread loop, Stream<C, E> stream, int maxQueued) {
    this.hub = hub;
    this.context = context;
    this.loop = loop;
    this.stream = stream;
    this.maxQueued = maxQueued;
  }

  /**
   * A publisher that registers with the hub at once (on its event loop: now when called there) and
   * keeps what arrives until {@link #open} gives it its first event. A subscription made this way
   * misses nothing between its first event and the next: whatever committed after the registration
   * arrives, and whatever committed before it is in a first event read after it. Call {@link #open}
   * or {@link #abandon} exactly once, from any thread.
   */
  static <C, E> EventPublisher<C, E> held(
      LiveHub<C> hub, Context context, Thread loop, Stream<C, E> stream, int maxQueued) {
    EventPublisher<C, E> publisher = new EventPublisher<>(hub, context, loop, stream, maxQueued);
    publisher.registerEarly();
    return publisher;
  }

  private void registerEarly() {
    Sub sub = new Sub();
    sub.held = true;
    early = sub;
    onContext(
        () -> {
          if (!sub.done) {
            hub.follow(context, sub);
          }
        });
  }

  /**
   * Starts a {@link #held held} publisher: {@code first} is its first event; the changes that
   * arrived meanwhile follow, except those {@code covered} by it (older than the state it holds).
   * Later changes that {@code covered} also matches are dropped too: their events may still be on
   * their way when the first one was read.
   */
  void open(E first, Predicate<E> covered) {
    onContext(() -> early.open(first, covered));
  }

  /** Ends a {@link #held held} publisher that will never be subscribed to (its checks failed). */
  void abandon() {
    onContext(
        () -> {
          if (!early.done) {
            early.stop();
          }
        });
  }

  @Override
  public void subscribe(Subscriber<? super E> subscriber) {
    Objects.requireNonNull(subscriber, "§1.9: the subscriber must not be null");
    onContext(
        () -> {
          if (subscribed) {
            subscriber.onSubscribe(new Rejected());
            subscriber.onError(new IllegalStateException("This stream has a subscriber already."));
            return;
          }
          subscribed = true;
          Sub sub = early != null ? early : new Sub();
          sub.subscriber = subscriber;
          subscriber.onSubscribe(sub);
          if (early == null && !sub.done) {
            hub.follow(context, sub);
          }
          sub.drain();
        });
  }

  private void onContext(Runnable action) {
    if (Thread.currentThread() == loop) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private final class Sub implements Subscription, LiveHub.Follower<C> {
    /** Null until graphql-java subscribes: a held publisher keeps events for it meanwhile. */
    private Subscriber<? super E> subscriber;

    private final Map<Object, E> queue = new LinkedHashMap<>();
    private boolean resync;
    private long demand;
    private boolean done;
    private boolean draining;

    /** Sends nothing until {@link #open}: the first event must come first. */
    private boolean held;

    private E first;
    private Predicate<E> covered = e -> false;

    void open(E event, Predicate<E> covers) {
      if (done) {
        return;
      }
      first = event;
      covered = covers;
      queue.values().removeIf(covers);
      held = false;
      drain();
    }

    @Override
    public Object key() {
      return stream.key();
    }

    @Override
    public void accept(C change) {
      E event = done ? null : stream.eventFor().apply(change);
      if (event != null) {
        enqueue(event);
        drain();
      }
    }

    @Override
    public void resync() {
      if (!done) {
        overflow();
        drain();
      }
    }

    private void enqueue(E event) {
      if (covered.test(event)) {
        return; // the first event holds this state already, or a newer one
      }
      Object row = stream.rowOf().apply(event);
      E waiting = queue.get(row);
      if (waiting != null) {
        queue.put(row, stream.fold().apply(waiting, event));
      } else if (queue.size() >= maxQueued) {
        overflow();
      } else {
        queue.put(row, event);
      }
    }

    /** Whatever waits is moot: the subscriber refetches everything after a resync. */
    private void overflow() {
      queue.clear();
      resync = true;
    }

    private void drain() {
      if (draining || held || subscriber == null) {
        return; // a request(n) from inside onNext: the loop below goes on
      }
      draining = true;
      try {
        while (!done && demand > 0) {
          E next = poll();
          if (next == null) {
            break;
          }
          demand--;
          subscriber.onNext(next);
        }
      } finally {
        draining = false;
      }
    }

    private E poll() {
      if (first != null) {
        E next = first;
        first = null;
        return next;
      }
      if (resync) {
        resync = false;
        return stream.resync();
      }
      Iterator<E> it = queue.values().iterator();
      if (!it.hasNext()) {
        return null;
      }
      E next = it.next();
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
      hub.unfollow(this);
    }
  }

  private static final class Rejected implements Subscription {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
