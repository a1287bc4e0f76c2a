package org.practicemap.bookings;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The phone booking page ({@code /b/{activityId}}, and {@code /t/{code}} for a ticket) and the
 * staff check-in page ({@code /staff/checkin}): static files from {@code kiosk/} that read the id
 * from their URL and fetch everything else through GraphQL.
 */
final class BookingPages {
  /** Scripts, styles and data only from this server; no inline code, no framing. */
  static final String POLICY =
      "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private BookingPages() {}

  static void mount(Router router) {
    router.get("/b/:activityId").handler(rc -> page(rc, "kiosk/booking/index.html", "()"));
    router.get("/t/:code").handler(rc -> page(rc, "kiosk/booking/index.html", "()"));
    router.get("/staff/checkin").handler(rc -> page(rc, "kiosk/staff/index.html", "(self)"));
  }

  private static void page(RoutingContext rc, String file, String camera) {
    rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("Content-Security-Policy", POLICY)
        // The ticket code is in /t/{code}: it must not travel in a Referer header.
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Permissions-Policy", "camera=" + camera)
        .putHeader("X-Content-Type-Options", "nosniff")
        .sendFile(file)
        .onFailure(rc::fail);
  }
}
