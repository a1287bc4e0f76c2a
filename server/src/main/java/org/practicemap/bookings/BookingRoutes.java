package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicemap.Config;
import org.practicemap.common.Lang;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GlobalId;
import org.practicemap.http.HttpError;
import org.practicemap.http.HttpRoutes;
import org.practicemap.qr.QrCode;

/**
 * The plain HTTP side of bookings: QR codes of activities (for kiosks and posters) and of tickets,
 * a ticket's calendar file, and the phone booking and staff check-in pages.
 */
public final class BookingRoutes implements HttpRoutes {
  private static final Pattern FILE = Pattern.compile("(.+)\\.(svg|png)");
  private static final Pattern KIOSK = Pattern.compile("[a-z0-9-]{1,40}");
  private static final int DEFAULT_SCALE = 8;
  private static final int MAX_SCALE = 32;

  private final Config config;
  private final Sql sql;

  public BookingRoutes(Config config, Sql sql) {
    this.config = config;
    this.sql = sql;
  }

  @Override
  public void mount(Router router) {
    router.get("/qr/activity/:file").handler(this::activityQr);
    router.get("/qr/ticket/:file").handler(this::ticketQr);
    router.get("/ics/booking/:file").handler(this::calendar);
    BookingPages.mount(router);
  }

  /** The booking URL of an activity, with the kiosk it is shown on: {@code /b/{id}?k={kiosk}}. */
  private void activityQr(RoutingContext rc) {
    Matcher file = file(rc);
    String id = file.group(1);
    String kiosk = rc.queryParams().get("kiosk");
    if (kiosk != null && !KIOSK.matcher(kiosk).matches()) {
      throw HttpError.badRequest("kiosk is a kiosk id of 1 to 40 characters a-z, 0-9 and '-'.");
    }
    int scale = scale(rc);
    long activityId = activityId(id);
    sql.query("SELECT 1 FROM activity WHERE id = $1", Tuple.of(activityId))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(
                    notFound("There is no activity with the ID " + id + "."));
              }
              String url = baseUrl(rc) + "/b/" + id + (kiosk == null ? "" : "?k=" + kiosk);
              return render(rc, url, file.group(2), scale);
            })
        .onSuccess(image -> send(rc, file.group(2), image, "public, max-age=86400"))
        .onFailure(rc::fail);
  }

  /** A ticket's QR code: the URL of its ticket page, which staff scanners read the code from. */
  private void ticketQr(RoutingContext rc) {
    Matcher file = file(rc);
    String code = ticketCode(file.group(1));
    int scale = scale(rc);
    sql.query("SELECT 1 FROM booking WHERE code = $1", Tuple.of(code))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(notFound("No ticket has this code."));
              }
              return render(rc, baseUrl(rc) + "/t/" + code, file.group(2), scale);
            })
        .onSuccess(image -> send(rc, file.group(2), image, "private, max-age=86400"))
        .onFailure(rc::fail);
  }

  private void calendar(RoutingContext rc) {
    String name = rc.pathParam("file");
    if (!name.endsWith(".ics")) {
      throw new HttpError(404, ErrorCode.NOT_FOUND, "Calendar files end in .ics.");
    }
    String code = ticketCode(name.substring(0, name.length() - 4));
    Lang lang = lang(rc.queryParams().get("lang"));
    TicketView.byCode(sql, code)
        .onSuccess(
            ticket -> {
              if (ticket == null) {
                rc.fail(notFound("No ticket has this code."));
                return;
              }
              String url = baseUrl(rc) + "/t/" + code;
              String ics = TicketCalendar.of(ticket, lang, url, Instant.now());
              rc.response()
                  .putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
                  .putHeader(
                      "Content-Disposition", "inline; filename=\"practice-map-" + code + ".ics\"")
                  .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .end(ics);
            })
        .onFailure(rc::fail);
  }

  private static Future<Buffer> render(RoutingContext rc, String text, String format, int scale) {
    QrCode qr = QrCode.of(text);
    if (format.equals("svg")) {
      return Future.succeededFuture(Buffer.buffer(qr.svg()));
    }
    // PNG encoding is CPU work of a millisecond or two: off the event loop.
    return rc.vertx().executeBlocking(() -> Buffer.buffer(qr.png(scale)), false);
  }

  private static void send(RoutingContext rc, String format, Buffer image, String cache) {
    HttpServerResponse response = rc.response();
    response
        .putHeader(HttpHeaders.CONTENT_TYPE, format.equals("svg") ? "image/svg+xml" : "image/png")
        .putHeader(HttpHeaders.CACHE_CONTROL, cache)
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(image);
  }

  private String baseUrl(RoutingContext rc) {
    return config.publicBaseUrl(rc.request().localAddress().port());
  }

  private static Matcher file(RoutingContext rc) {
    Matcher m = FILE.matcher(rc.pathParam("file"));
    if (!m.matches()) {
      throw new HttpError(404, ErrorCode.NOT_FOUND, "QR codes are .svg or .png files.");
    }
    return m;
  }

  private static int scale(RoutingContext rc) {
    String value = rc.queryParams().get("scale");
    if (value == null) {
      return DEFAULT_SCALE;
    }
    try {
      int scale = Integer.parseInt(value);
      if (scale >= 1 && scale <= MAX_SCALE) {
        return scale;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw HttpError.badRequest("scale is the pixels per module of a PNG, 1 to " + MAX_SCALE + ".");
  }

  private static long activityId(String id) {
    try {
      return GlobalId.decodeLong("id", "Activity", id);
    } catch (ApiException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }

  private static String ticketCode(String text) {
    String code = BookingCodes.normalize(text);
    if (code == null) {
      throw new HttpError(404, ErrorCode.NOT_FOUND, "No ticket has this code.");
    }
    return code;
  }

  private static Lang lang(String value) {
    if (value == null) {
      return Lang.ZH;
    }
    try {
      return Lang.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("lang is zh, mn or en.");
    }
  }

  private static HttpError notFound(String message) {
    return new HttpError(404, ErrorCode.NOT_FOUND, message);
  }
}
