package org.practicemap.live;

import io.vertx.core.Context;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans resolved changes out to this replica's subscriptions. Each event loop has its own registry,
 * touched only on that loop: a batch crosses threads once per loop, not once per subscriber, and
 * subscriptions on one loop never wait for another. A slow subscription only fills its own queue
 * ({@link ActivityPublisher}).
 */
public final class LiveHub {
  private final Map<Context, Loop> loops = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  /** One event loop's subscriptions: those that follow one activity by id, and the rest. */
  private static final class Loop {
    final Map<Long, Set<Follower>> byActivity = new HashMap<>();
    final Set<Follower> filtered = new LinkedHashSet<>();

    void deliver(List<ActivityChange> changes) {
      for (ActivityChange change : changes) {
        Set<Follower> followers = byActivity.get(change.id());
        if (followers != null) {
          followers.forEach(f -> offer(f, change));
        }
        filtered.forEach(f -> offer(f, change));
      }
    }

    private static void offer(Follower follower, ActivityChange change) {
      ActivityEvent event = change.eventFor(follower.filter());
      if (event != null) {
        follower.offer(event);
      }
    }

    void resync() {
      byActivity.values().forEach(set -> set.forEach(f -> f.offer(ActivityEvent.RESYNC)));
      filtered.forEach(f -> f.offer(ActivityEvent.RESYNC));
    }
  }

  /** A subscription as the hub sees it; called on its own context only. */
  interface Follower {
    ChangeFilter filter();

    void offer(ActivityEvent event);
  }

  /** Starts delivering to {@code follower}; call on {@code context}, its event loop. */
  void follow(Context context, Follower follower) {
    Loop loop = loops.computeIfAbsent(context, c -> new Loop());
    Long id = follower.filter().activityId();
    boolean added =
        id != null
            ? loop.byActivity.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(follower)
            : loop.filtered.add(follower);
    if (added) {
      size.incrementAndGet();
    }
  }

  /** Stops delivering to {@code follower}; call on {@code context}. */
  void unfollow(Context context, Follower follower) {
    Loop loop = loops.get(context);
    if (loop == null) {
      return;
    }
    Long id = follower.filter().activityId();
    Set<Follower> set = id == null ? loop.filtered : loop.byActivity.get(id);
    if (set == null || !set.remove(follower)) {
      return;
    }
    size.decrementAndGet();
    if (id != null && set.isEmpty()) {
      loop.byActivity.remove(id);
    }
  }

  void publish(List<ActivityChange> changes) {
    loops.forEach((context, loop) -> context.runOnContext(v -> loop.deliver(changes)));
  }

  /** Tells every subscription that events may have been missed. */
  void resync() {
    loops.forEach((context, loop) -> context.runOnContext(v -> loop.resync()));
  }

  /** Subscriptions on this replica, for tests and metrics. */
  public int size() {
    return size.get();
  }
}
