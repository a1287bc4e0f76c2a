package org.practicemap.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The response cache in {@code /metrics}: {@code practicemap_response_cache_total{outcome}} (hit,
 * miss, stored, refused — computed while something in its circles changed —, dropped by a change,
 * evicted for memory) and the answers and bytes it holds now. Hit ratio = hit / (hit + miss).
 */
public final class ResponseCacheMetrics {
  private final ResponseCache cache;

  public ResponseCacheMetrics(ResponseCache cache) {
    this.cache = cache;
  }

  public void register(MeterRegistry registry) {
    ResponseCache.Stats stats = cache.stats();
    counter(registry, stats, "hit", ResponseCache.Stats::hits);
    counter(registry, stats, "miss", ResponseCache.Stats::misses);
    counter(registry, stats, "stored", ResponseCache.Stats::stored);
    counter(registry, stats, "refused", ResponseCache.Stats::refused);
    counter(registry, stats, "dropped", ResponseCache.Stats::dropped);
    counter(registry, stats, "evicted", ResponseCache.Stats::evicted);
    Gauge.builder("practicemap.response.cache.entries", cache, ResponseCache::size)
        .description("Answers kept by this replica's response cache")
        .register(registry);
    Gauge.builder("practicemap.response.cache.bytes", cache, ResponseCache::bytes)
        .description("Estimated memory taken by this replica's response cache")
        .baseUnit("bytes")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry,
      ResponseCache.Stats stats,
      String outcome,
      ToDoubleFunction<ResponseCache.Stats> value) {
    FunctionCounter.builder("practicemap.response.cache", stats, value)
        .description("Nearby answers by what the response cache did with them")
        .tag("outcome", outcome)
        .register(registry);
  }
}
