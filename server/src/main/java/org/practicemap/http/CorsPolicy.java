package org.practicemap.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.practicemap.Config;

/**
 * CORS for the endpoints other systems call from browsers: {@code /graphql} and the read-only
 * {@code /qr}, {@code /geo} and {@code /ics}. Placed before the rate limit, so that a browser app
 * can read a 429 and its {@code Retry-After} too. Credentials are never allowed: tokens travel as
 * {@code Authorization: Bearer} headers, which a page on another origin cannot take from a
 * visitor's browser, so {@code *} exposes nothing a plain HTTP client could not fetch.
 */
final class CorsPolicy {
  /**
   * The read-only endpoints get routes of their own; {@code /graphql} puts the policy first on its
   * own first route instead, so that its requests pass no extra route (metrics label a request by
   * the routes it passes).
   */
  static final List<String> PATHS = List.of("/qr/*", "/geo/*", "/ics/*");

  /** Preflight answers are cached by browsers this long (Chromium caps it at two hours). */
  static final int MAX_AGE_SECONDS = 600;

  private CorsPolicy() {}

  /** The policy as a handler, or null when CORS is off. */
  static Handler<RoutingContext> handler(Config.Cors cors) {
    if (cors.origins().isEmpty()) {
      return null;
    }
    CorsHandler handler =
        CorsHandler.create()
            .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
            .allowedHeaders(Set.of("Content-Type", "Authorization", "Accept"))
            .exposedHeaders(Set.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining"))
            .allowCredentials(false)
            .maxAgeSeconds(MAX_AGE_SECONDS);
    if (cors.any()) {
      handler.addOrigin("*");
    } else {
      handler.addOrigins(cors.origins());
    }
    return rc -> apply(rc, handler);
  }

  /** Mounts the policy on {@link #PATHS}; nothing when it is null (CORS off). */
  static void mount(Router router, Handler<RoutingContext> policy) {
    if (policy != null) {
      PATHS.forEach(path -> router.route(path).handler(policy));
    }
  }

  /**
   * Browsers send {@code Origin} on their own pages' POSTs too (the kiosk, the booking page): those
   * are same-origin, CORS does not apply, and a list of other origins must not refuse them.
   */
  private static void apply(RoutingContext rc, CorsHandler handler) {
    String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
    if (origin != null && sameOrigin(origin, rc.request().authority())) {
      rc.next();
      return;
    }
    handler.handle(rc);
  }

  /**
   * Whether the Origin names this server's host as the request reached it (Host, or HTTP/2's
   * :authority). The port and scheme are left out on purpose: behind a TLS proxy the page is {@code
   * https://host} while the request arrives as plain HTTP, perhaps on another port. A page on
   * another port of the same host is let through by this; a list of origins is the operator's
   * policy, not a protection of anyone's data (no credentials are ever allowed).
   */
  private static boolean sameOrigin(String origin, HostAndPort authority) {
    if (authority == null) {
      return false;
    }
    try {
      return authority.host().equalsIgnoreCase(URI.create(origin).getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
