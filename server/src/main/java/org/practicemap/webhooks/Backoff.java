package org.practicemap.webhooks;

import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: the first retry after the base delay, doubling each time up
 * to an hour (10 s, 20 s, 40 s … 1 h, 1 h …: about 30 attempts in 24 hours with the default), with
 * "equal jitter" — a random point in the upper half of the delay — so that deliveries that failed
 * together (an endpoint that was down) do not all come back at the same instant.
 */
final class Backoff {
  static final long MAX_DELAY_MS = 3_600_000;

  private Backoff() {}

  /** The delay after failed attempt number {@code attempt} (1 for the first). */
  static long delayMs(long baseMs, int attempt, RandomGenerator random) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    long delay = Math.min(baseMs << doublings, MAX_DELAY_MS);
    if (delay <= 0) {
      delay = MAX_DELAY_MS;
    }
    long half = delay / 2;
    return half + random.nextLong(delay - half + 1);
  }
}
