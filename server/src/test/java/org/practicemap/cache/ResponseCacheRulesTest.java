package org.practicemap.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.practicemap.cache.ResponseCache.Cached;
import org.practicemap.cache.ResponseScope.Area;
import org.practicemap.common.Coordinates;

/**
 * The cache's rules without a server: what a change drops (answers whose circle holds it, not their
 * neighbours in the same cell), which late answers it refuses (computed before a change in their
 * circles, or before an unlocated one), expiry, and the memory bound.
 */
class ResponseCacheRulesTest {
  static final Coordinates CENTRE = new Coordinates(43.62, 122.26);
  static final List<Area> AROUND_CENTRE = List.of(new Area(CENTRE, 1_000));

  final AtomicLong clock = new AtomicLong();
  final ResponseCache cache = new ResponseCache(60, 1_000_000, clock::get);

  @Test
  void aChangeInsideTheCircleDropsTheAnswerAndOneJustOutsideDoesNot() {
    assertTrue(cache.put("a", cache.ticket(), AROUND_CENTRE, answer("a")));
    // 1,200 m north: the same 0.1° cell, outside the 1,000 m circle.
    cache.changedAt(List.of(new Coordinates(43.62 + 1_200 / 111_195.0, 122.26)));
    assertNotNull(cache.get("a"));
    // 900 m east: inside.
    cache.changedAt(List.of(new Coordinates(43.62, 122.26 + 900 / (111_195.0 * 0.7238))));
    assertNull(cache.get("a"));
    assertEquals(0, cache.bytes());
  }

  @Test
  void anAnswerComputedBeforeAChangeInItsCirclesIsRefused() {
    long before = cache.ticket();
    cache.put("other", cache.ticket(), AROUND_CENTRE, answer("other")); // keeps the cache non-empty
    assertTrue(cache.changing());
    cache.changedAt(List.of(CENTRE));
    assertFalse(cache.put("a", before, AROUND_CENTRE, answer("a")));
    assertNull(cache.get("a"));
    assertTrue(cache.put("a", cache.ticket(), AROUND_CENTRE, answer("a")));
    // A change far away refuses nothing here.
    long ticket = cache.ticket();
    cache.changedAt(List.of(new Coordinates(39.9, 116.4)));
    assertTrue(cache.put("b", ticket, AROUND_CENTRE, answer("b")));
  }

  @Test
  void aChangeNoticedWhileTheCacheIsEmptyRefusesEveryAnswerBegunBefore() {
    long before = cache.ticket();
    assertFalse(cache.changing(), "an empty cache does not want the change located");
    assertFalse(cache.put("a", before, AROUND_CENTRE, answer("a")));
    assertTrue(cache.put("a", cache.ticket(), AROUND_CENTRE, answer("a")));
  }

  @Test
  void lostChangesDropEverythingAndRefuseAnswersBegunBefore() {
    long before = cache.ticket();
    cache.put("a", before, AROUND_CENTRE, answer("a"));
    cache.lost();
    assertNull(cache.get("a"));
    assertEquals(0, cache.size());
    assertFalse(cache.put("b", before, AROUND_CENTRE, answer("b")));
  }

  @Test
  void answersExpireAndASweepEmptiesAnIdleCache() {
    cache.put("a", cache.ticket(), AROUND_CENTRE, answer("a"));
    clock.addAndGet(59_000_000_000L);
    assertNotNull(cache.get("a"));
    clock.addAndGet(1_000_000_000L);
    assertNull(cache.get("a"));
    assertEquals(0, cache.size());
    cache.put("b", cache.ticket(), AROUND_CENTRE, answer("b"));
    clock.addAndGet(60_000_000_000L);
    assertTrue(cache.changing(), "holds an expired answer until swept");
    cache.sweep();
    assertEquals(0, cache.size());
    assertEquals(0, cache.bytes());
    assertFalse(cache.changing(), "an idle cache needs no changes located");
  }

  @Test
  void theLeastRecentlyUsedAnswersMakeRoomWithinTheMemoryBound() {
    ResponseCache small = new ResponseCache(60, 20_000, clock::get);
    for (int i = 0; i < 50; i++) {
      small.put("q" + i, small.ticket(), AROUND_CENTRE, answer("x".repeat(1_000)));
      small.get("q0"); // used all the time: kept
    }
    assertTrue(small.bytes() <= 20_000, "bytes " + small.bytes());
    assertNotNull(small.get("q0"));
    assertNotNull(small.get("q49"));
    assertNull(small.get("q1"));
    assertTrue(small.stats().evicted() > 0);
  }

  @Test
  void circlesAcrossTheAntimeridianAndLargeCirclesFindTheirChanges() {
    List<Area> dateLine = List.of(new Area(new Coordinates(-17.0, 179.99), 5_000));
    cache.put("fiji", cache.ticket(), dateLine, answer("fiji"));
    cache.changedAt(List.of(new Coordinates(-17.0, -179.99)));
    assertNull(cache.get("fiji"));
    List<Area> wide = List.of(new Area(CENTRE, 50_000));
    cache.put("wide", cache.ticket(), wide, answer("wide"));
    cache.changedAt(List.of(new Coordinates(43.62 + 0.3, 122.26 - 0.3)));
    assertNull(cache.get("wide"));
  }

  @Test
  void aCacheThatIsOffKeepsNothing() {
    ResponseCache off = ResponseCache.off();
    assertFalse(off.enabled());
  }

  private static Cached answer(String text) {
    return new Cached(Buffer.buffer("\"" + text + "\""), Map.of());
  }
}
