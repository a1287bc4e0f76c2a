package org.practicemap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.Ids;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** /geo/points.geojson and /geo/routes/{id}.geojson, as GIS tools read them. */
class GeoJsonTest {
  static TestServer server;
  static long centre, museum, station, mobile, route, loneRoute;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1).theme("B_THEME", 2);
      centre = data.point(null, "CENTER", "实践中心", 43.62, 122.26, true);
      museum = data.point(centre, "VENUE", "博物馆", 43.63, 122.27, true);
      station = data.point(centre, "STATION", "社区站", 43.64, 122.28, false);
      mobile = data.point(centre, "MOBILE_POINT", "流动点", 43.65, 122.29, false);
      data.update("UPDATE point SET name_en = 'Museum' WHERE id = ?", museum);
      data.pointTheme(museum, "B_THEME")
          .pointTheme(museum, "A_THEME")
          .pointTheme(station, "A_THEME");
      OffsetDateTime now = OffsetDateTime.now();
      data.update(
          "INSERT INTO deployment (point_id, lat, lng, starts_at, ends_at) VALUES (?, 43.7, 122.3, ?, ?)",
          mobile,
          Timestamp.from(now.minusHours(1).toInstant()),
          Timestamp.from(now.plusHours(1).toInstant()));
      route =
          data.queryLong(
              "INSERT INTO route (owner_point_id, theme_code, name_zh, name_en)"
                  + " VALUES (?, 'A_THEME', '红色足迹', 'Red footsteps') RETURNING id",
              centre);
      data.update(
          "INSERT INTO route_stop (route_id, position, point_id) VALUES (?, 1, ?)", route, museum);
      data.update(
          "INSERT INTO route_stop (route_id, position, point_id) VALUES (?, 2, ?)", route, station);
      loneRoute =
          data.queryLong(
              "INSERT INTO route (owner_point_id, name_zh) VALUES (?, '单站') RETURNING id", centre);
      data.update(
          "INSERT INTO route_stop (route_id, position, point_id) VALUES (?, 1, ?)",
          loneRoute,
          museum);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject geoJson(String path) {
    HttpResponse<String> response = server.get(path);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "application/geo+json; charset=utf-8",
        response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
    return new JsonObject(response.body());
  }

  private static List<String> names(JsonObject collection) {
    List<String> names = new ArrayList<>();
    collection
        .getJsonArray("features")
        .forEach(f -> names.add(((JsonObject) f).getJsonObject("properties").getString("name")));
    return names;
  }

  @Test
  void pointsAreAFeatureCollectionInLongitudeLatitudeOrder() {
    JsonObject all = geoJson("/geo/points.geojson");
    assertEquals("FeatureCollection", all.getString("type"));
    assertEquals(List.of("实践中心", "博物馆", "社区站", "流动点"), names(all));
    JsonObject museumFeature = all.getJsonArray("features").getJsonObject(1);
    assertEquals("Feature", museumFeature.getString("type"));
    JsonObject geometry = museumFeature.getJsonObject("geometry");
    assertEquals("Point", geometry.getString("type"));
    assertEquals(new JsonArray().add(122.27).add(43.63), geometry.getJsonArray("coordinates"));
    JsonObject properties = museumFeature.getJsonObject("properties");
    assertEquals(Ids.point(museum), properties.getString("id"));
    assertEquals("VENUE", properties.getString("level"));
    assertEquals(new JsonArray().add("A_THEME").add("B_THEME"), properties.getJsonArray("themes"));
    JsonObject mobileFeature = all.getJsonArray("features").getJsonObject(3);
    assertEquals(
        new JsonArray().add(122.3).add(43.7),
        mobileFeature.getJsonObject("geometry").getJsonArray("coordinates"),
        "where it is deployed now");
  }

  @Test
  void pointsFilterByThemeAndLevelInAnyCaseAndLanguage() {
    assertEquals(List.of("博物馆", "社区站"), names(geoJson("/geo/points.geojson?theme=A_THEME")));
    assertEquals(List.of("社区站"), names(geoJson("/geo/points.geojson?theme=a_theme&level=STATION")));
    assertEquals(List.of("博物馆", "社区站"), names(geoJson("/geo/points.geojson?level=VENUE,station")));
    assertEquals(
        List.of("博物馆", "社区站"), names(geoJson("/geo/points.geojson?level=VENUE&level=STATION")));
    assertEquals(List.of("Museum"), names(geoJson("/geo/points.geojson?level=VENUE&lang=en")));
  }

  @Test
  void badParametersAre400WithAMessage() {
    for (String query :
        List.of(
            "theme=NOPE", "level=CASTLE", "lang=fr", "themes=A_THEME", "theme=", "level=VENUE,")) {
      HttpResponse<String> response = server.get("/geo/points.geojson?" + query);
      assertEquals(400, response.statusCode(), query);
      JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
      assertEquals("BAD_USER_INPUT", error.getJsonObject("extensions").getString("code"));
      assertTrue(error.getString("message").length() > 10, error.encode());
    }
  }

  @Test
  void aRouteIsALineStringThroughItsStops() {
    JsonObject feature = geoJson("/geo/routes/" + GlobalId.of("Route", route) + ".geojson?lang=en");
    assertEquals("Feature", feature.getString("type"));
    JsonObject geometry = feature.getJsonObject("geometry");
    assertEquals("LineString", geometry.getString("type"));
    assertEquals(
        new JsonArray()
            .add(new JsonArray().add(122.27).add(43.63))
            .add(new JsonArray().add(122.28).add(43.64)),
        geometry.getJsonArray("coordinates"));
    JsonObject properties = feature.getJsonObject("properties");
    assertEquals("Red footsteps", properties.getString("name"));
    assertEquals("A_THEME", properties.getString("theme"));
    assertEquals(2, properties.getJsonArray("stops").size());
    assertEquals("Museum", properties.getJsonArray("stops").getJsonObject(0).getString("name"));
    assertTrue(properties.getDouble("distanceMeters") > 1000);
  }

  @Test
  void aRouteWithOneStopHasNoLine() {
    JsonObject feature = geoJson("/geo/routes/" + GlobalId.of("Route", loneRoute) + ".geojson");
    assertNull(feature.getValue("geometry"));
    assertTrue(feature.containsKey("geometry"));
  }

  @Test
  void unknownAndMalformedRouteIdsAre404And400() {
    HttpResponse<String> unknown =
        server.get("/geo/routes/" + GlobalId.of("Route", 999_999) + ".geojson");
    assertEquals(404, unknown.statusCode());
    JsonObject error = new JsonObject(unknown.body()).getJsonArray("errors").getJsonObject(0);
    assertEquals("NOT_FOUND", error.getJsonObject("extensions").getString("code"));
    assertTrue(error.getString("message").contains("no route"), error.encode());
    assertEquals(400, server.get("/geo/routes/garbage.geojson").statusCode());
    assertEquals(400, server.get("/geo/routes/" + Ids.point(museum) + ".geojson").statusCode());
    assertEquals(
        400,
        server.get("/geo/routes/" + GlobalId.of("Route", route) + ".geojson?lang=xx").statusCode());
  }
}
