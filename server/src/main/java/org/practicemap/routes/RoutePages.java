package org.practicemap.routes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import org.practicemap.Config;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GlobalId;
import org.practicemap.http.HttpError;
import org.practicemap.http.HttpRoutes;
import org.practicemap.qr.QrCode;

/**
 * A route taken from a kiosk to a phone: the kiosk shows {@code /qr/route/{id}.svg}, whose QR code
 * holds {@code PUBLIC_BASE_URL/r/{id}}, the small phone page of the route's stops ({@code
 * kiosk/route/}). A QR code of the GeoJSON would open a file no phone can read.
 */
public final class RoutePages implements HttpRoutes {
  private static final String POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'none'";

  private final Config config;
  private final Sql sql;

  public RoutePages(Config config, Sql sql) {
    this.config = config;
    this.sql = sql;
  }

  @Override
  public void mount(Router router) {
    router.get("/qr/route/:file").handler(this::qr);
    router.get("/r/:routeId").handler(RoutePages::page);
  }

  private void qr(RoutingContext rc) {
    String file = rc.pathParam("file");
    if (!file.endsWith(".svg")) {
      throw new HttpError(404, ErrorCode.NOT_FOUND, "Route QR codes are .svg files.");
    }
    String id = file.substring(0, file.length() - 4);
    long routeId;
    try {
      routeId = GlobalId.decodeLong("id", "Route", id);
    } catch (ApiException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    sql.query("SELECT 1 FROM route WHERE id = $1", Tuple.of(routeId))
        .onSuccess(
            rows -> {
              if (rows.size() == 0) {
                rc.fail(new HttpError(404, ErrorCode.NOT_FOUND, "There is no route " + id + "."));
                return;
              }
              String url = config.publicBaseUrl(rc.request().localAddress().port()) + "/r/" + id;
              rc.response()
                  .putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml")
                  .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .end(QrCode.of(url).svg());
            })
        .onFailure(rc::fail);
  }

  private static void page(RoutingContext rc) {
    rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .sendFile("kiosk/route/index.html")
        .onFailure(rc::fail);
  }
}
