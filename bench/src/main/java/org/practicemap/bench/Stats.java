package org.practicemap.bench;

import java.util.Arrays;

/** Latency percentiles over recorded samples (nanoseconds), for benchmark reports. */
public final class Stats {
  private long[] samples = new long[1024];
  private int size;

  public synchronized void record(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  public synchronized int count() {
    return size;
  }

  /** The {@code p}-th percentile (0–100) in milliseconds. */
  public synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int index = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  public String summary() {
    return String.format(
        "n=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms",
        count(),
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        percentileMillis(100));
  }
}
