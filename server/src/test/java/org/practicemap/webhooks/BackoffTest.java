package org.practicemap.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void delayDoublesWithinItsJitterAndStopsGrowingAtAnHour() {
    for (int attempt = 1; attempt <= 40; attempt++) {
      long full = Math.min(10_000L << Math.min(attempt - 1, 30), Backoff.MAX_DELAY_MS);
      for (int i = 0; i < 100; i++) {
        long delay = Backoff.delayMs(10_000, attempt, random);
        assertTrue(delay >= full / 2 && delay <= full, attempt + ": " + delay);
      }
    }
  }

  @Test
  void deliveriesThatFailedTogetherComeBackAtDifferentTimes() {
    Set<Long> delays = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      delays.add(Backoff.delayMs(10_000, 3, random));
    }
    assertTrue(delays.size() > 40, "jitter spreads the retries: " + delays.size());
  }

  @Test
  void twentyFourHoursHoldAboutThirtyAttemptsWithTheDefaults() {
    long elapsed = 0;
    int attempts = 0;
    while (elapsed < 24 * 3_600_000L) {
      attempts++;
      elapsed += Backoff.delayMs(10_000, attempts, random);
    }
    assertTrue(attempts >= 25 && attempts <= 55, "attempts in 24 h: " + attempts);
    assertEquals(Backoff.MAX_DELAY_MS, Math.min(10_000L << 30, Backoff.MAX_DELAY_MS));
  }
}
