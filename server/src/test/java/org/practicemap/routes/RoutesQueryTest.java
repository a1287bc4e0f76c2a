package org.practicemap.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.GreatCircle;
import org.practicemap.common.LocalZone;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** Curated routes and planRoute over GraphQL, on a small network with known hours. */
class RoutesQueryTest {
  static final double LAT = 43.62;
  static final double LNG = 122.26;

  /** Next Tuesday (at least two days ahead), 09:00 local. */
  static final LocalDate DAY =
      LocalDate.now(LocalZone.ID).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

  static final OffsetDateTime NINE =
      DAY.atTime(LocalTime.of(9, 0)).atZone(LocalZone.ID).toOffsetDateTime();

  static TestServer server;
  static long centre, museum, library, closedHall, heritage, office, talk;
  static long route;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1).theme("B_THEME", 2);
      centre = point(data, null, "CENTER", "实践中心", 0, 0, false);
      museum = point(data, centre, "VENUE", "博物馆", 500, 0, true);
      library = point(data, centre, "VENUE", "图书馆", 0, 1000, true);
      closedHall = point(data, centre, "VENUE", "展览馆", 0, -800, true);
      heritage = point(data, centre, "BASE", "非遗基地", -600, 0, true);
      office = point(data, centre, "STATION", "社区站", 300, 300, false);
      data.pointTheme(museum, "A_THEME").pointTheme(library, "A_THEME");
      data.pointTheme(closedHall, "A_THEME").pointTheme(office, "A_THEME");
      data.pointTheme(heritage, "B_THEME");
      for (long id : List.of(museum, closedHall, heritage, office)) {
        data.hours(id, 2, "09:00", "17:00");
      }
      data.hours(library, 2, "10:00", "12:00");
      data.closedOn(closedHall, DAY.toString());
      talk =
          data.activity(
              heritage, "B_THEME", "LECTURE", NINE.plusMinutes(30), NINE.plusMinutes(90), null);
      route =
          data.queryLong(
              "INSERT INTO route (owner_point_id, theme_code, name_zh, name_en, description_zh)"
                  + " VALUES (?, 'A_THEME', '红色足迹', 'Red footsteps', '三站步行') RETURNING id",
              centre);
      int position = 1;
      for (long stop : List.of(museum, library, heritage)) {
        data.update(
            "INSERT INTO route_stop (route_id, position, point_id, stay_minutes, note_zh)"
                + " VALUES (?, ?, ?, 20, '看展')",
            route,
            position++,
            stop);
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long point(
      TestData data,
      Long parent,
      String level,
      String name,
      double north,
      double east,
      boolean onMap) {
    double lat = LAT + north / 111_195.08;
    double lng = LNG + east / (111_195.08 * Math.cos(Math.toRadians(LAT)));
    return data.point(parent, level, name, lat, lng, onMap);
  }

  private static final String ROUTE_FIELDS =
      "id name(lang: EN) description theme { code } mode distanceMeters travelMinutes"
          + " totalMinutes geoJsonUrl path { lat lng }"
          + " stops { position stayMinutes note legDistanceMeters legMinutes point { name coordinates { lat lng } } }";

  @Test
  void curatedRoutesOfAThemeBoardHaveOrderedStopsAndWalkingFigures() {
    JsonObject routes =
        server
            .data(
                "{ routes(themeCode: \"A_THEME\") { totalCount edges { node { "
                    + ROUTE_FIELDS
                    + " } } } }")
            .getJsonObject("routes");
    assertEquals(1, routes.getInteger("totalCount"));
    JsonObject r = routes.getJsonArray("edges").getJsonObject(0).getJsonObject("node");
    assertEquals("Red footsteps", r.getString("name"));
    assertEquals("A_THEME", r.getJsonObject("theme").getString("code"));
    assertEquals("WALK", r.getString("mode"));
    JsonArray stops = r.getJsonArray("stops");
    assertEquals(List.of("博物馆", "图书馆", "非遗基地"), names(stops));
    double walked = 0;
    for (int i = 1; i < stops.size(); i++) {
      JsonObject a = stops.getJsonObject(i - 1).getJsonObject("point").getJsonObject("coordinates");
      JsonObject b = stops.getJsonObject(i).getJsonObject("point").getJsonObject("coordinates");
      double leg =
          1.3
              * GreatCircle.meters(
                  a.getDouble("lat"), a.getDouble("lng"), b.getDouble("lat"), b.getDouble("lng"));
      assertEquals(leg, stops.getJsonObject(i).getDouble("legDistanceMeters"), 1e-6);
      walked += leg;
    }
    assertEquals(0, stops.getJsonObject(0).getDouble("legDistanceMeters"));
    assertEquals(walked, r.getDouble("distanceMeters"), 1e-6);
    assertEquals(Math.round(walked / 75), r.getLong("travelMinutes").longValue());
    assertEquals(Math.round(walked / 75 + 60), r.getLong("totalMinutes").longValue());
    assertEquals(3, r.getJsonArray("path").size());
    assertEquals("/geo/routes/" + r.getString("id") + ".geojson", r.getString("geoJsonUrl"));
    assertEquals("看展", stops.getJsonObject(0).getString("note"));
  }

  private static List<String> names(JsonArray stops) {
    List<String> names = new ArrayList<>();
    stops.forEach(s -> names.add(((JsonObject) s).getJsonObject("point").getString("name")));
    return names;
  }

  @Test
  void aRouteIsANodeAndHangsOnItsThemeBoard() {
    String id = GlobalId.of("Route", route);
    JsonObject data =
        server.data(
            "query($id: ID!) { route(id: $id) { name } node(id: $id) { ... on Route { name } }"
                + " a: theme(code: \"A_THEME\") { routes { name } }"
                + " b: theme(code: \"B_THEME\") { routes { name } } }",
            Map.of("id", id));
    assertEquals("红色足迹", data.getJsonObject("route").getString("name"));
    assertEquals("红色足迹", data.getJsonObject("node").getString("name"));
    assertEquals(1, data.getJsonObject("a").getJsonArray("routes").size());
    assertEquals(0, data.getJsonObject("b").getJsonArray("routes").size());
    assertEquals(
        0,
        server
            .data("{ routes(themeCode: \"B_THEME\") { totalCount } }")
            .getJsonObject("routes")
            .getInteger("totalCount"));
  }

  @Test
  void unknownRoutesAndThemesAreReported() {
    Errors.single(
        server.graphql("{ route(id: \"" + GlobalId.of("Route", 999_999) + "\") { name } }"),
        "NOT_FOUND");
    Errors.single(
        server.graphql("{ route(id: \"" + Ids.point(1) + "\") { name } }"), "BAD_USER_INPUT");
    JsonObject error =
        Errors.single(
            server.graphql("{ routes(themeCode: \"NOPE\") { totalCount } }"), "BAD_USER_INPUT");
    assertEquals("themeCode", error.getJsonObject("extensions").getString("field"));
  }

  private static JsonObject plan(String input) {
    return server
        .data(
            "{ planRoute(input: {start: {lat: "
                + LAT
                + ", lng: "
                + LNG
                + "}, startAt: \""
                + NINE
                + "\", "
                + input
                + "}) { mode startsAt endsAt distanceMeters travelMinutes totalMinutes candidates"
                + " path { lat lng } stops { position arriveAt leaveAt legDistanceMeters legMinutes"
                + " freeMinutesBefore activity { id } point { id name } } } }")
        .getJsonObject("planRoute");
  }

  private static boolean openAt(String pointId, String time) {
    return server
        .data(
            "query($id: ID!, $t: DateTime!) { point(id: $id) { isOpenAt(time: $t) } }",
            Map.of("id", pointId, "t", time))
        .getJsonObject("point")
        .getBoolean("isOpenAt");
  }

  @Test
  void plannedStopsAreOpenForTheWholeVisitAndClosedOnesAreSkipped() {
    JsonObject plan = plan("themeCodes: [\"A_THEME\"], maxMinutes: 180");
    JsonArray stops = plan.getJsonArray("stops");
    assertEquals(3, plan.getInteger("candidates"), "map points of the board; not the station");
    assertEquals(List.of("博物馆", "图书馆"), names(stops), "展览馆 is closed that day");
    for (Object s : stops) {
      JsonObject stop = (JsonObject) s;
      String point = stop.getJsonObject("point").getString("id");
      assertTrue(openAt(point, stop.getString("arriveAt")), stop.encode());
      OffsetDateTime leave = OffsetDateTime.parse(stop.getString("leaveAt"));
      assertTrue(openAt(point, leave.minusSeconds(1).toString()), stop.encode());
      assertEquals(
          30,
          Duration.between(OffsetDateTime.parse(stop.getString("arriveAt")), leave).toMinutes());
    }
    JsonObject libraryStop = stops.getJsonObject(1);
    assertFalse(
        OffsetDateTime.parse(libraryStop.getString("arriveAt")).isBefore(NINE.plusHours(1)),
        "the library opens at ten");
    double legs =
        stops.getJsonObject(0).getDouble("legDistanceMeters")
            + stops.getJsonObject(1).getDouble("legDistanceMeters");
    assertEquals(legs, plan.getDouble("distanceMeters"), 1e-6);
    assertEquals(3, plan.getJsonArray("path").size());
    assertEquals(stops.getJsonObject(1).getString("leaveAt"), plan.getString("endsAt"));
    assertTrue(
        !OffsetDateTime.parse(plan.getString("endsAt")).isAfter(NINE.plusMinutes(180)),
        "within the time");
  }

  @Test
  void aStopWithAnActivityOnIsTimedToIt() {
    JsonObject plan = plan("themeCodes: [\"B_THEME\"], maxMinutes: 120");
    JsonObject stop = plan.getJsonArray("stops").getJsonObject(0);
    assertEquals("非遗基地", stop.getJsonObject("point").getString("name"));
    assertEquals(Ids.activity(talk), stop.getJsonObject("activity").getString("id"));
    assertEquals(
        NINE.plusMinutes(30).toInstant(),
        OffsetDateTime.parse(stop.getString("arriveAt")).toInstant());
    assertEquals(10, stop.getInteger("legMinutes"));
    assertEquals(20, stop.getInteger("freeMinutesBefore"));
  }

  @Test
  void aShortWalkFarFromAnyPointIsAnEmptyPlan() {
    JsonObject plan =
        server
            .data(
                "{ planRoute(input: {start: {lat: 0, lng: 0}, maxMinutes: 60, mode: DRIVE}) {"
                    + " mode candidates stops { position } totalMinutes startsAt endsAt } }")
            .getJsonObject("planRoute");
    assertEquals("DRIVE", plan.getString("mode"));
    assertEquals(0, plan.getInteger("candidates"));
    assertEquals(0, plan.getJsonArray("stops").size());
    assertEquals(0, plan.getInteger("totalMinutes"));
    assertEquals(plan.getString("startsAt"), plan.getString("endsAt"));
  }

  @Test
  void badPlanInputIsBadUserInputNamingTheField() {
    String start = "start: {lat: " + LAT + ", lng: " + LNG + "}";
    assertBadPlan("start: {lat: 95, lng: 0}, maxMinutes: 60", "input.start.lat");
    assertBadPlan("start: {lat: 0, lng: 200}, maxMinutes: 60", "input.start.lng");
    assertBadPlan(start + ", maxMinutes: 5", "input.maxMinutes");
    assertBadPlan(start + ", maxMinutes: 721", "input.maxMinutes");
    assertBadPlan(start + ", maxMinutes: 60, maxStops: 0", "input.maxStops");
    assertBadPlan(start + ", maxMinutes: 60, maxStops: 11", "input.maxStops");
    assertBadPlan(start + ", maxMinutes: 60, stayMinutes: 2", "input.stayMinutes");
    assertBadPlan(start + ", maxMinutes: 20, stayMinutes: 30", "input.stayMinutes");
    assertBadPlan(start + ", maxMinutes: 60, themeCodes: [\"NOPE\"]", "input.themeCodes");
    assertBadPlan(
        start + ", maxMinutes: 60, startAt: \"" + OffsetDateTime.now().plusYears(2) + "\"",
        "input.startAt");
    JsonObject missing = server.graphql("{ planRoute(input: {" + start + "}) { candidates } }");
    Errors.single(missing, "BAD_USER_INPUT");
    assertNull(missing.getValue("data"));
  }

  private static void assertBadPlan(String input, String field) {
    JsonObject error =
        Errors.single(
            server.graphql("{ planRoute(input: {" + input + "}) { candidates } }"),
            "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
  }
}
