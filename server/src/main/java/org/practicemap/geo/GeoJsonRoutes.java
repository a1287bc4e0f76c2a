package org.practicemap.geo;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;
import org.practicemap.http.HttpError;
import org.practicemap.http.HttpRoutes;
import org.practicemap.routes.Route;
import org.practicemap.routes.RouteRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GeoJSON (RFC 7946) for GIS tools: {@code GET /geo/points.geojson?theme=…&level=…&lang=…}, a
 * FeatureCollection of points, and {@code GET /geo/routes/{id}.geojson}, a route as a LineString
 * feature. Coordinates are [longitude, latitude]; a mobile point stands where it is deployed now.
 * Public data: any origin may read it, and caches may keep it for a minute (points) or five
 * (routes).
 *
 * <p>Points are written in pages of {@value #PAGE} as they are read, so a country's million points
 * stream out in bounded memory.
 */
public final class GeoJsonRoutes implements HttpRoutes {
  private static final Logger log = LoggerFactory.getLogger(GeoJsonRoutes.class);
  static final String MEDIA_TYPE = "application/geo+json; charset=utf-8";
  private static final int PAGE = 1000;

  private static final String POINTS_SQL =
      "SELECT p.id, p.level, p.name_zh, p.name_mn, p.name_en, p.on_map,"
          + " coalesce(d.lat, p.lat) AS lat, coalesce(d.lng, p.lng) AS lng,"
          + " ARRAY(SELECT t.theme_code FROM point_theme t JOIN theme th ON th.code = t.theme_code"
          + "       WHERE t.point_id = p.id ORDER BY th.sort_order) AS themes"
          + " FROM point p"
          + " LEFT JOIN LATERAL (SELECT d.lat, d.lng FROM deployment d"
          + "   WHERE p.level = 'MOBILE_POINT' AND d.point_id = p.id"
          + "   AND d.starts_at <= now() AND d.ends_at > now()"
          + "   ORDER BY d.starts_at DESC, d.id DESC LIMIT 1) d ON true"
          + " WHERE p.id > $1"
          + " AND ($2::text[] IS NULL OR p.level = ANY($2))"
          + " AND ($3::text[] IS NULL OR EXISTS (SELECT 1 FROM point_theme t"
          + "      WHERE t.point_id = p.id AND t.theme_code = ANY($3)))"
          + " ORDER BY p.id LIMIT $4";

  private final Sql sql;
  private final RouteRepository routes;

  public GeoJsonRoutes(Sql sql) {
    this.sql = sql;
    this.routes = new RouteRepository(sql);
  }

  @Override
  public void mount(Router router) {
    router.get("/geo/points.geojson").handler(this::points);
    router.getWithRegex("/geo/routes/([^/]+)\\.geojson").handler(this::route);
  }

  private void points(RoutingContext rc) {
    PointsQuery query;
    try {
      query = PointsQuery.parse(rc.queryParams());
    } catch (ApiException e) {
      badRequest(rc, e.getMessage());
      return;
    }
    unknownThemes(query.themes())
        .onFailure(rc::fail)
        .onSuccess(
            unknown -> {
              if (!unknown.isEmpty()) {
                badRequest(rc, "There is no theme board with the code \"" + unknown.get(0) + "\".");
                return;
              }
              HttpServerResponse response = rc.response().setChunked(true);
              headers(response, 60);
              response.write("{\"type\":\"FeatureCollection\",\"features\":[");
              streamPoints(response, query, 0, true)
                  .onSuccess(v -> response.end("]}"))
                  .onFailure(
                      e -> {
                        // The status is sent; cutting the connection is how to say it failed.
                        log.error("GeoJSON export of points failed", e);
                        response.reset();
                      });
            });
  }

  private Future<List<String>> unknownThemes(List<String> themes) {
    if (themes == null) {
      return Future.succeededFuture(List.of());
    }
    return sql.query(
            "SELECT u.code FROM unnest($1::text[]) AS u (code)"
                + " WHERE NOT EXISTS (SELECT 1 FROM theme t WHERE t.code = u.code)",
            Tuple.of((Object) themes.toArray(String[]::new)))
        .map(rows -> rows.stream().map(r -> r.getString(0)).toList());
  }

  /** Writes the points after {@code afterId}, a page at a time, waiting for each write. */
  private Future<Void> streamPoints(
      HttpServerResponse response, PointsQuery query, long afterId, boolean first) {
    Tuple args = Tuple.of(afterId, array(query.levels()), array(query.themes()), PAGE);
    return sql.query(POINTS_SQL, args)
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture();
              }
              long last = 0;
              StringBuilder chunk = new StringBuilder(rows.size() * 200);
              boolean comma = !first;
              for (Row row : rows) {
                chunk.append(comma ? "," : "").append(pointFeature(row, query.lang()).encode());
                comma = true;
                last = row.getLong("id");
              }
              long next = last;
              Future<Void> written = response.write(Buffer.buffer(chunk.toString()));
              return rows.size() < PAGE
                  ? written
                  : written.compose(v -> streamPoints(response, query, next, false));
            });
  }

  private static String[] array(List<String> values) {
    return values == null ? null : values.toArray(String[]::new);
  }

  private static JsonObject pointFeature(Row row, Lang lang) {
    String id = GlobalId.of("Point", row.getLong("id"));
    JsonObject properties =
        new JsonObject()
            .put("id", id)
            .put("name", LocalizedText.from(row, "name").in(lang))
            .put("level", row.getString("level"))
            .put("themes", new JsonArray(List.of(row.getArrayOfStrings("themes"))))
            .put("onMap", row.getBoolean("on_map"));
    return new JsonObject()
        .put("type", "Feature")
        .put("id", id)
        .put("geometry", point(row.getDouble("lng"), row.getDouble("lat")))
        .put("properties", properties);
  }

  private static JsonObject point(double lng, double lat) {
    return new JsonObject()
        .put("type", "Point")
        .put("coordinates", new JsonArray().add(lng).add(lat));
  }

  private void route(RoutingContext rc) {
    String id = rc.pathParam("param0");
    long routeId;
    Lang lang;
    try {
      routeId = GlobalId.decodeLong("id", "Route", id);
      lang = PointsQuery.lang(rc.queryParams());
    } catch (ApiException e) {
      badRequest(rc, e.getMessage());
      return;
    }
    routes
        .byIds(List.of(routeId))
        .compose(found -> withStopNames(found.get(routeId)))
        .onFailure(rc::fail)
        .onSuccess(
            found -> {
              if (found == null) {
                error(rc, 404, "There is no route with the ID " + id + ".");
                return;
              }
              headers(rc.response(), 300);
              rc.response().end(RouteFeature.of(found.route(), found.names(), lang).toBuffer());
            });
  }

  /** A route and the names of its stops. */
  record NamedRoute(Route route, Map<Long, LocalizedText> names) {}

  private Future<NamedRoute> withStopNames(Route route) {
    if (route == null) {
      return Future.succeededFuture(null);
    }
    Long[] ids = route.stops().stream().map(s -> s.pointId()).toArray(Long[]::new);
    return sql.query(
            "SELECT id, name_zh, name_mn, name_en FROM point WHERE id = ANY($1)", Tuple.of(ids))
        .map(rows -> new NamedRoute(route, names(rows)));
  }

  private static Map<Long, LocalizedText> names(RowSet<Row> rows) {
    Map<Long, LocalizedText> names = new java.util.HashMap<>();
    rows.forEach(row -> names.put(row.getLong("id"), LocalizedText.from(row, "name")));
    return names;
  }

  private static void headers(HttpServerResponse response, int maxAgeSeconds) {
    response
        .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds)
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
  }

  private static void badRequest(RoutingContext rc, String message) {
    error(rc, 400, message);
  }

  private static void error(RoutingContext rc, int status, String message) {
    HttpError.send(rc.response(), status, HttpError.codeFor(status), message);
  }
}
