package org.practicemap.ops;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.http.HttpError;

/**
 * {@code GET /metrics}: the Prometheus text format. With {@code METRICS_TOKEN} set, only a scraper
 * that sends {@code Authorization: Bearer <METRICS_TOKEN>} reads it (the figures say how busy the
 * service is, which is nobody else's business); unset, it is open, for a port the proxy does not
 * publish. The metrics token is not an API token: it opens this page and nothing else.
 */
public final class MetricsHandler implements Handler<RoutingContext> {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Metrics metrics;
  private final byte[] expected;

  public MetricsHandler(Metrics metrics, String token) {
    this.metrics = metrics;
    this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!authorised(rc.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
      HttpError.send(
          rc.response(),
          401,
          ErrorCode.UNAUTHENTICATED,
          "Send Authorization: Bearer <METRICS_TOKEN> to read the metrics.");
      return;
    }
    // Scraping walks every meter: off the event loop, so that requests never wait behind it.
    rc.vertx()
        .executeBlocking(metrics::scrape, false)
        .onSuccess(
            text ->
                rc.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(text))
        .onFailure(rc::fail);
  }

  private boolean authorised(String header) {
    if (expected == null) {
      return true;
    }
    // Constant time, so that the token cannot be guessed a character at a time.
    return header != null
        && MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
  }
}
