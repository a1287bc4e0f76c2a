package org.practicemap.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.practicemap.graphql.ErrorCode;

/**
 * Refuses a client that has used up its requests for the minute with 429, a {@code Retry-After} and
 * a GraphQL-shaped {@code RATE_LIMITED} error, before the body is even read. Allowed requests carry
 * the decision on to the GraphQL response ({@code extensions.cost.throttleStatus}).
 */
final class RateLimitHandler implements Handler<RoutingContext> {
  static final String DECISION = "rateLimit.decision";

  private final RateLimiter limiter;
  private final ClientIp clientIp;

  RateLimitHandler(RateLimiter limiter, ClientIp clientIp) {
    this.limiter = limiter;
    this.clientIp = clientIp;
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!limiter.enabled()) {
      rc.next();
      return;
    }
    RateLimiter.Decision decision = limiter.take(clientIp.of(rc));
    rc.response()
        .putHeader("RateLimit-Limit", Integer.toString(decision.limit()))
        .putHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
    if (decision.allowed()) {
      rc.put(DECISION, decision);
      rc.next();
      return;
    }
    rc.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    HttpError.send(
        rc.response(),
        429,
        ErrorCode.RATE_LIMITED,
        "Too many requests from your address: at most "
            + decision.limit()
            + " a minute. Try again in "
            + decision.retryAfterSeconds()
            + " s.");
  }
}
