package org.practicemap.live;

import io.vertx.core.Context;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Fans resolved changes of one kind ({@code C}: activities, kiosks…) out to this replica's
 * subscriptions. Each event loop has its own registry, touched only on that loop: a batch crosses
 * threads once per loop, not once per subscriber, and subscriptions on one loop never wait for
 * another. Subscriptions that follow one row by key are found by key; the others see every change
 * and pick what matches their filter. A slow subscription only fills its own queue ({@link
 * EventPublisher}).
 */
public final class LiveHub<C> {
  private final Function<C, Object> keyOf;
  private final SharedLoaders loaders;

  /**
   * By event-loop thread: every connection has a context of its own, its loop's thread is shared.
   */
  private final Map<Thread, Loop<C>> loops = new ConcurrentHashMap<>();

  private final AtomicInteger size = new AtomicInteger();

  /**
   * @param keyOf the key of the row a change is about (an activity's id, a kiosk's id)
   * @param loaders the subscriptions' shared DataLoader caches, renewed with every batch
   */
  LiveHub(Function<C, Object> keyOf, SharedLoaders loaders) {
    this.keyOf = keyOf;
    this.loaders = loaders;
  }

  /** A subscription as the hub sees it; called on its own event loop only. */
  interface Follower<C> {
    /** The key of the one row it follows, or null when it filters all changes. */
    Object key();

    void accept(C change);

    /** Events may have been missed. */
    void resync();
  }

  /** One event loop's subscriptions, and a context that runs tasks on that loop. */
  private static final class Loop<C> {
    final Context context;
    final Map<Object, Set<Follower<C>>> byKey = new HashMap<>();
    final Set<Follower<C>> filtering = new LinkedHashSet<>();

    Loop(Context context) {
      this.context = context;
    }

    void deliver(List<C> changes, Function<C, Object> keyOf) {
      for (C change : changes) {
        Set<Follower<C>> followers = byKey.get(keyOf.apply(change));
        if (followers != null) {
          followers.forEach(f -> f.accept(change));
        }
        filtering.forEach(f -> f.accept(change));
      }
    }

    void resync() {
      byKey.values().forEach(set -> set.forEach(Follower::resync));
      filtering.forEach(Follower::resync);
    }

    Set<Follower<C>> setOf(Object key, boolean create) {
      if (key == null) {
        return filtering;
      }
      return create ? byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()) : byKey.get(key);
    }
  }

  /** Starts delivering to {@code follower}; call on its event loop ({@code context}'s). */
  void follow(Context context, Follower<C> follower) {
    Loop<C> loop = loops.computeIfAbsent(Thread.currentThread(), t -> new Loop<>(context));
    if (loop.setOf(follower.key(), true).add(follower)) {
      size.incrementAndGet();
    }
  }

  /** Stops delivering to {@code follower}; call on its event loop. */
  void unfollow(Follower<C> follower) {
    Loop<C> loop = loops.get(Thread.currentThread());
    Set<Follower<C>> set = loop == null ? null : loop.setOf(follower.key(), false);
    if (set == null || !set.remove(follower)) {
      return;
    }
    size.decrementAndGet();
    if (follower.key() != null && set.isEmpty()) {
      loop.byKey.remove(follower.key());
    }
  }

  void publish(List<C> changes) {
    loops.forEach(
        (thread, loop) ->
            loop.context.runOnContext(
                v -> {
                  loaders.newBatch();
                  loop.deliver(changes, keyOf);
                }));
  }

  /** Tells every subscription that events may have been missed. */
  void resync() {
    loops.forEach(
        (thread, loop) ->
            loop.context.runOnContext(
                v -> {
                  loaders.newBatch();
                  loop.resync();
                }));
  }

  /** Subscriptions on this replica, for tests and metrics. */
  public int size() {
    return size.get();
  }
}
