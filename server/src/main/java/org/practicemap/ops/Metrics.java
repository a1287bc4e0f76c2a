package org.practicemap.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;

/**
 * The replica's meters: Vert.x's own (HTTP server requests by route, method and status; the
 * PostgreSQL pools; open WebSockets), the JVM's, and ours (GraphQL operations, bookings). One
 * registry per server, so that servers started side by side in a test never share counts.
 *
 * <p>Labels are bounded on purpose: the route pattern, never the path (a path holds IDs and ticket
 * codes); the operation name only of registered queries. With {@code METRICS=false} the registry
 * still exists (the code records into it) but measures nothing and {@code /metrics} is not served.
 */
public final class Metrics {
  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;

  private Metrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
    this.registry = registry;
    this.prometheus = prometheus;
  }

  public static Metrics create(boolean enabled) {
    if (!enabled) {
      // A composite without members is Micrometer's no-op registry.
      return new Metrics(new CompositeMeterRegistry(), null);
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new Metrics(prometheus, prometheus);
  }

  /** A Vert.x that reports into this registry (or a plain one when metrics are off). */
  public Vertx vertx() {
    if (prometheus == null) {
      return Vertx.vertx();
    }
    MicrometerMetricsOptions options =
        new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setLabels(
                EnumSet.of(
                    Label.HTTP_ROUTE,
                    Label.HTTP_METHOD,
                    Label.HTTP_CODE,
                    Label.POOL_TYPE,
                    Label.POOL_NAME,
                    Label.CLIENT_NAME,
                    Label.NAMESPACE))
            // The event bus carries nothing of ours; client metrics would count webhook calls by
            // remote address, which is the endpoints' business, not a dashboard's.
            .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
            .addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT)
            .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT);
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(prometheus))
        .build();
  }

  public MeterRegistry registry() {
    return registry;
  }

  public boolean enabled() {
    return prometheus != null;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return prometheus == null ? "" : prometheus.scrape();
  }
}
