package org.practicemap.cache;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.practicemap.cache.ResponseScope.Area;
import org.practicemap.common.Coordinates;
import org.practicemap.common.GreatCircle;
import org.practicemap.live.PlaceWatcher;

/**
 * This replica's cache of whole answers to "what is near" questions asked without a token: people
 * ask the same question from the same places all day (phones at a station, integrations polling
 * their area), and answering it again costs a GraphQL execution and two statements. An answer is
 * kept for at most {@code ttl} (what changes with the clock alone, such as an activity that has
 * just ended, shows that late at worst) and is dropped as soon as the change feed says that
 * something inside one of its circles changed: a booking (seats left), an edited, created, moved or
 * cancelled activity, a point or a mobile deployment.
 *
 * <p>Races are closed with a change counter: a request takes a {@link #ticket} before it reads
 * anything, and its answer is refused ({@link #put}) when a change in its circles, or an unlocated
 * one, was noticed after that ticket — the answer may predate the change, and the drop that the
 * change caused has already happened.
 *
 * <p>Answers are found by circle through a grid of {@value #CELL_DEGREES}° cells. Memory is bounded
 * by {@code maxBytes}: the least recently used answers go first. One lock: every operation is a few
 * map lookups.
 */
public final class ResponseCache implements PlaceWatcher {
  static final double CELL_DEGREES = 0.1;

  /** Distances here and in the database's statements may differ by rounding: drop generously. */
  static final double SLACK_METERS = 10;

  /** An answer whose circles span more cells than this (a huge radius near a pole) is not kept. */
  static final int MAX_CELLS = 2_000;

  /** Cells remembered as changed; past this, the memory is reset and in-flight answers refused. */
  static final int MAX_CHANGED_CELLS = 100_000;

  private static final double METERS_PER_DEGREE = Math.PI * GreatCircle.EARTH_RADIUS_M / 180;

  /** A kept answer: its data as JSON, and its extensions without the caller's throttle status. */
  public record Cached(Buffer data, Map<String, Object> extensions) {}

  private static final class Entry {
    final String key;
    final Cached value;
    final List<Area> areas;
    final long[] cells;
    final long expiresAt;
    final long bytes;

    Entry(String key, Cached value, List<Area> areas, long[] cells, long expiresAt) {
      this.key = key;
      this.value = value;
      this.areas = areas;
      this.cells = cells;
      this.expiresAt = expiresAt;
      this.bytes = 2L * key.length() + value.data().length() + 64L * cells.length + 400;
    }

    boolean covers(Coordinates place) {
      for (Area area : areas) {
        if (GreatCircle.meters(area.centre(), place) <= area.radiusMeters() + SLACK_METERS) {
          return true;
        }
      }
      return false;
    }
  }

  private final long ttlNanos;
  private final long maxBytes;
  private final LongSupplier nanoClock;

  /** Least recently used first. */
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);

  private final Map<Long, Set<Entry>> byCell = new HashMap<>();
  private final Map<Long, Long> cellChangedAt = new HashMap<>();
  private long changes;
  private long everythingChangedAt;
  private long bytes;
  private final Stats stats = new Stats();

  /** Counters since start, for metrics and tests. */
  public static final class Stats {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder evicted = new LongAdder();

    public long hits() {
      return hits.sum();
    }

    public long misses() {
      return misses.sum();
    }

    public long stored() {
      return stored.sum();
    }

    public long refused() {
      return refused.sum();
    }

    public long dropped() {
      return dropped.sum();
    }

    public long evicted() {
      return evicted.sum();
    }
  }

  public ResponseCache(long ttlSeconds, long maxBytes) {
    this(ttlSeconds, maxBytes, System::nanoTime);
  }

  ResponseCache(long ttlSeconds, long maxBytes, LongSupplier nanoClock) {
    this.ttlNanos = ttlSeconds * 1_000_000_000L;
    this.maxBytes = maxBytes;
    this.nanoClock = nanoClock;
  }

  /** A cache that keeps nothing. */
  public static ResponseCache off() {
    return new ResponseCache(0, 0);
  }

  public boolean enabled() {
    return ttlNanos > 0 && maxBytes > 0;
  }

  /** Taken before a request reads anything; given back to {@link #put}. */
  public synchronized long ticket() {
    return changes;
  }

  /** The kept answer to {@code key}, or null. */
  public synchronized Cached get(String key) {
    Entry entry = entries.get(key);
    if (entry != null && entry.expiresAt - nanoClock.getAsLong() <= 0) {
      remove(entry);
      entry = null;
    }
    if (entry == null) {
      return null;
    }
    stats.hits.increment();
    return entry.value;
  }

  /**
   * Keeps {@code value} as the answer to {@code key}, computed after {@code ticket} was taken and
   * depending on {@code areas}; returns false (and keeps nothing) when a change may have made it
   * stale already, or it is too large to keep.
   */
  public synchronized boolean put(String key, long ticket, List<Area> areas, Cached value) {
    stats.misses.increment(); // an answer that could have come from here was computed
    long[] cells = cellsOf(areas);
    boolean fresh = cells != null && ticket >= everythingChangedAt;
    for (int i = 0; fresh && i < cells.length; i++) {
      Long changedAt = cellChangedAt.get(cells[i]);
      fresh = changedAt == null || changedAt <= ticket;
    }
    Entry entry = new Entry(key, value, areas, cells == null ? new long[0] : cells, 0);
    if (!fresh || entry.bytes > maxBytes / 4) {
      stats.refused.increment();
      return false;
    }
    entry = new Entry(key, value, areas, cells, nanoClock.getAsLong() + ttlNanos);
    Entry old = entries.get(key);
    if (old != null) {
      remove(old);
    }
    entries.put(key, entry);
    for (long cell : cells) {
      byCell.computeIfAbsent(cell, c -> new HashSet<>()).add(entry);
    }
    bytes += entry.bytes;
    evictOverLimit();
    stats.stored.increment();
    return true;
  }

  @Override
  public synchronized boolean changing() {
    if (entries.isEmpty()) {
      // Nothing to drop; answers computed before now must not be kept once they arrive.
      everythingChangedAt = ++changes;
      return false;
    }
    return true;
  }

  @Override
  public synchronized void changedAt(Collection<Coordinates> places) {
    long now = ++changes;
    if (cellChangedAt.size() > MAX_CHANGED_CELLS) {
      cellChangedAt.clear();
      everythingChangedAt = now;
    }
    for (Coordinates place : places) {
      long cell = cell(place.lat(), place.lng());
      cellChangedAt.put(cell, now);
      Set<Entry> here = byCell.get(cell);
      if (here == null) {
        continue;
      }
      List<Entry> stale = new ArrayList<>();
      for (Entry entry : here) {
        if (entry.covers(place)) {
          stale.add(entry);
        }
      }
      stale.forEach(this::remove);
      stats.dropped.add(stale.size());
    }
  }

  @Override
  public synchronized void lost() {
    everythingChangedAt = ++changes;
    stats.dropped.add(entries.size());
    entries.clear();
    byCell.clear();
    cellChangedAt.clear();
    bytes = 0;
  }

  /**
   * Forgets expired answers, so that an idle cache is empty again: the change feed then stops
   * locating changes for it.
   */
  public synchronized void sweep() {
    long now = nanoClock.getAsLong();
    List<Entry> expired = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.expiresAt - now <= 0) {
        expired.add(entry);
      }
    }
    expired.forEach(this::remove);
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized long bytes() {
    return bytes;
  }

  public Stats stats() {
    return stats;
  }

  private void evictOverLimit() {
    Iterator<Entry> eldest = entries.values().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Entry entry = eldest.next();
      eldest.remove();
      unindex(entry);
      stats.evicted.increment();
    }
  }

  private void remove(Entry entry) {
    if (entries.remove(entry.key, entry)) {
      unindex(entry);
    }
  }

  private void unindex(Entry entry) {
    bytes -= entry.bytes;
    for (long cell : entry.cells) {
      Set<Entry> here = byCell.get(cell);
      if (here != null && here.remove(entry) && here.isEmpty()) {
        byCell.remove(cell);
      }
    }
  }

  /** The cells the circles' bounding boxes touch, or null when there are too many. */
  static long[] cellsOf(List<Area> areas) {
    Set<Long> cells = new HashSet<>();
    for (Area area : areas) {
      double lat = area.centre().lat();
      double lng = area.centre().lng();
      double latSpan = (area.radiusMeters() + SLACK_METERS) / METERS_PER_DEGREE;
      double widest = Math.min(89.9, Math.abs(lat) + latSpan);
      double lngSpan = Math.min(180, latSpan / Math.cos(Math.toRadians(widest)));
      long south = index(Math.max(-90, lat - latSpan));
      long north = index(Math.min(90, lat + latSpan));
      long west = index(lng - lngSpan);
      long east = index(lng + lngSpan);
      if ((north - south + 1) * (east - west + 1) > MAX_CELLS) {
        return null;
      }
      for (long row = south; row <= north; row++) {
        for (long column = west; column <= east; column++) {
          cells.add(pack(row, wrap(column)));
        }
      }
    }
    return cells.stream().mapToLong(Long::longValue).toArray();
  }

  static long cell(double lat, double lng) {
    return pack(index(lat), wrap(index(lng)));
  }

  private static long index(double degrees) {
    return (long) Math.floor(degrees / CELL_DEGREES);
  }

  /** Columns are taken modulo the globe, so that circles across the antimeridian find changes. */
  private static long wrap(long column) {
    long columns = Math.round(360 / CELL_DEGREES);
    return Math.floorMod(column + columns / 2, columns) - columns / 2;
  }

  private static long pack(long row, long column) {
    return (row << 32) ^ (column & 0xffffffffL);
  }
}
