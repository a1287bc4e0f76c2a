package org.practicemap.db.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.LocalZone;
import org.practicemap.testing.TestServer;

/**
 * The demo's recommended routes, read as a kiosk would: one per theme board through that board's
 * map points, walkable; and planRoute over the 37 map points of the demo.
 */
class CuratedRoutesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.withDemoData();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyThemeBoardHasAWalkThroughItsOwnMapPoints() {
    JsonArray themes = server.data("{ themes { code } }").getJsonArray("themes");
    assertEquals(8, themes.size());
    for (Object t : themes) {
      JsonObject theme = (JsonObject) t;
      // One board at a time, two routes at most: the query stays within the cost limit.
      JsonArray routes =
          server
              .data(
                  "query($code: String!) { routes(themeCode: $code, first: 2) { edges { node {"
                      + " name(lang: EN) description mode distanceMeters travelMinutes totalMinutes"
                      + " stops { point { onMap themes { code } } } } } } }",
                  Map.of("code", theme.getString("code")))
              .getJsonObject("routes")
              .getJsonArray("edges");
      assertEquals(1, routes.size(), theme.getString("code"));
      routes = new JsonArray().add(routes.getJsonObject(0).getJsonObject("node"));
      JsonObject route = routes.getJsonObject(0);
      assertEquals("WALK", route.getString("mode"));
      assertFalse(route.getString("description").isBlank());
      JsonArray stops = route.getJsonArray("stops");
      assertTrue(stops.size() >= 2, route.encode());
      for (Object s : stops) {
        JsonObject point = ((JsonObject) s).getJsonObject("point");
        assertTrue(point.getBoolean("onMap"));
        assertTrue(
            point.getJsonArray("themes").encode().contains(theme.getString("code")),
            route.encode());
      }
      int travel = route.getInteger("travelMinutes");
      assertTrue(travel > 5 && travel <= 90, route.encode());
      assertEquals(route.getDouble("distanceMeters") / 75, travel, 0.5001);
      assertTrue(route.getInteger("totalMinutes") > travel);
    }
  }

  @Test
  void routesComeInDisplayOrderAndPageAsAConnection() {
    JsonObject page =
        server
            .data(
                "{ routes(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { theme { code } } } } }")
            .getJsonObject("routes");
    assertEquals(8, page.getInteger("totalCount"));
    assertEquals(
        "RED_IMPRINT",
        page.getJsonArray("edges")
            .getJsonObject(0)
            .getJsonObject("node")
            .getJsonObject("theme")
            .getString("code"));
    Set<String> codes = new HashSet<>();
    String after = null;
    do {
      JsonObject p =
          server
              .data(
                  "query($after: String) { routes(first: 3, after: $after) { pageInfo { hasNextPage endCursor }"
                      + " edges { node { theme { code } } } } }",
                  after == null ? Map.of() : Map.of("after", after))
              .getJsonObject("routes");
      p.getJsonArray("edges")
          .forEach(
              e ->
                  codes.add(
                      ((JsonObject) e)
                          .getJsonObject("node")
                          .getJsonObject("theme")
                          .getString("code")));
      after =
          p.getJsonObject("pageInfo").getBoolean("hasNextPage")
              ? p.getJsonObject("pageInfo").getString("endCursor")
              : null;
    } while (after != null);
    assertEquals(8, codes.size());
  }

  @Test
  void aWalkPlannedOverTheMapPointsIsOpenAtEveryStop() {
    LocalDate wednesday =
        LocalDate.now(LocalZone.ID)
            .plusDays(1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
    OffsetDateTime start =
        wednesday.atTime(LocalTime.of(9, 30)).atZone(LocalZone.ID).toOffsetDateTime();
    JsonObject plan =
        server
            .data(
                "query($t: DateTime!) { planRoute(input: {start: {lat: 43.6172, lng: 122.2637},"
                    + " startAt: $t, maxMinutes: 240, maxStops: 5}) { candidates totalMinutes"
                    + " stops { arriveAt leaveAt activity { title } point { id name } } } }",
                Map.of("t", start.toString()))
            .getJsonObject("planRoute");
    assertTrue(plan.getInteger("candidates") >= 30, plan.encode());
    JsonArray stops = plan.getJsonArray("stops");
    assertEquals(5, stops.size(), plan.encode());
    assertTrue(plan.getInteger("totalMinutes") <= 240);
    for (Object s : stops) {
      JsonObject stop = (JsonObject) s;
      String id = stop.getJsonObject("point").getString("id");
      for (String time :
          List.of(
              stop.getString("arriveAt"),
              OffsetDateTime.parse(stop.getString("leaveAt")).minusSeconds(1).toString())) {
        assertTrue(
            server
                .data(
                    "query($id: ID!, $t: DateTime!) { point(id: $id) { isOpenAt(time: $t) } }",
                    Map.of("id", id, "t", time))
                .getJsonObject("point")
                .getBoolean("isOpenAt"),
            stop.encode());
      }
    }
  }
}
