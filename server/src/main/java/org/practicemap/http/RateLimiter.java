package org.practicemap.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per client IP and minute, as a token bucket: a client may burst up to the minute's
 * allowance at once, and regains it at an even pace. The buckets live in this replica's memory:
 * behind a load balancer spreading clients over N replicas, a client gets up to N times the rate.
 */
public final class RateLimiter {
  private static final long NANOS_PER_MINUTE = 60_000_000_000L;
  private static final int MAX_CLIENTS = 200_000;

  /** The outcome for one request; {@code retryAfterSeconds} is 0 when it may run. */
  public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {}

  private final int perMinute;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  RateLimiter(int perMinute, LongSupplier nanoTime) {
    this.perMinute = perMinute;
    this.nanoTime = nanoTime;
  }

  public boolean enabled() {
    return perMinute > 0;
  }

  public int perMinute() {
    return perMinute;
  }

  /** Takes one request from the client's allowance. */
  public Decision take(String client) {
    if (buckets.size() > MAX_CLIENTS) {
      sweep();
    }
    return buckets.computeIfAbsent(client, k -> new Bucket(nanoTime.getAsLong())).take();
  }

  /** Forgets clients whose allowance is whole again: they are the same as new ones. */
  public void sweep() {
    long now = nanoTime.getAsLong();
    buckets.values().removeIf(bucket -> bucket.isFull(now));
  }

  int clients() {
    return buckets.size();
  }

  private final class Bucket {
    // The allowance in nanoseconds of refill time: a full bucket is one minute's worth, and each
    // request costs a minute divided by the rate. Whole numbers, no drift.
    private final long capacity = NANOS_PER_MINUTE;
    private long level;
    private long updated;

    Bucket(long now) {
      this.level = capacity;
      this.updated = now;
    }

    synchronized Decision take() {
      long now = nanoTime.getAsLong();
      refill(now);
      long cost = NANOS_PER_MINUTE / perMinute;
      if (level >= cost) {
        level -= cost;
        return new Decision(true, perMinute, (int) (level / cost), 0);
      }
      long waitNanos = cost - level;
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      return new Decision(false, perMinute, 0, seconds);
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return level >= capacity;
    }

    private void refill(long now) {
      long elapsed = now - updated;
      if (elapsed > 0) {
        level = Math.min(capacity, level + elapsed);
        updated = now;
      }
    }
  }
}
