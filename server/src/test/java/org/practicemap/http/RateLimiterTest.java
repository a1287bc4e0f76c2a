package org.practicemap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket, on a clock the test moves. */
class RateLimiterTest {
  final AtomicLong now = new AtomicLong();
  final RateLimiter limiter = new RateLimiter(60, now::get);

  @Test
  void aClientBurstsItsMinuteThenRegainsOneRequestASecond() {
    for (int i = 0; i < 60; i++) {
      assertTrue(limiter.take("a").allowed(), "request " + i);
    }
    RateLimiter.Decision refused = limiter.take("a");
    assertFalse(refused.allowed());
    assertEquals(1, refused.retryAfterSeconds());
    assertTrue(limiter.take("b").allowed(), "another client has its own allowance");
    now.addAndGet(1_000_000_000L);
    assertTrue(limiter.take("a").allowed());
    assertFalse(limiter.take("a").allowed());
  }

  @Test
  void clientsWithAWholeAllowanceAreForgotten() {
    limiter.take("a");
    limiter.take("b");
    now.addAndGet(60_000_000_000L);
    limiter.take("c");
    limiter.sweep();
    assertEquals(1, limiter.clients());
  }
}
