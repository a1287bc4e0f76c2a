package org.practicemap.nearby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.GreatCircle;
import org.practicemap.common.LocalZone;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * nearbyPoints and nearbyActivities on a small network laid out at known distances around a kiosk:
 * nearest first, exact distances, filters, mobile points at their deployments, paging, and every
 * bad input.
 */
class NearbyQueryTest {
  static final double LAT = 43.62;
  static final double LNG = 122.26;
  static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
  static TestServer server;
  static long centre, museum, station, closedToday, mobile, idleMobile, far;
  static long museumClass, museumTalk, stationClinic, fullClass, cancelledClass, mobileHaircut;
  static long pastHaircut, lateClass;
  static Map<Long, double[]> positions = new HashMap<>();

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1).theme("B_THEME", 2);
      centre = point(data, null, "CENTER", "实践中心", 0, 0);
      museum = point(data, centre, "VENUE", "博物馆", 500, 0);
      station = point(data, centre, "STATION", "社区站", 0, 1200);
      closedToday = point(data, centre, "BASE", "闭馆基地", -700, 0);
      mobile = point(data, centre, "MOBILE_POINT", "流动服务点", -300, 0);
      idleMobile = point(data, centre, "MOBILE_POINT", "备用服务点", 0, -800);
      far = point(data, centre, "VENUE", "远处场馆", 10_000, 0);
      data.pointTheme(museum, "A_THEME").pointTheme(station, "B_THEME");
      data.pointTheme(closedToday, "A_THEME").pointTheme(mobile, "A_THEME");
      int weekday = NOW.atZoneSameInstant(LocalZone.ID).getDayOfWeek().getValue();
      LocalDate today = NOW.atZoneSameInstant(LocalZone.ID).toLocalDate();
      for (long id : List.of(museum, closedToday)) {
        data.hours(id, weekday, "00:00", "23:59:59.999999");
      }
      data.closedOn(closedToday, today.toString());
      // The mobile point stands 3 km west now; yesterday it stood next to the kiosk.
      long deployed = deployment(data, mobile, 0, -3000, NOW.minusHours(2), NOW.plusHours(3));
      long yesterday = deployment(data, mobile, 100, 0, NOW.minusDays(1), NOW.minusHours(20));

      museumClass = activity(data, museum, "A_THEME", "CLASS", NOW.plusDays(2), 20);
      museumTalk = activity(data, museum, "A_THEME", "LECTURE", NOW.plusHours(3), null);
      stationClinic = activity(data, station, "B_THEME", "FREE_CLINIC", NOW.plusDays(1), 10);
      fullClass = activity(data, station, "B_THEME", "CLASS", NOW.plusDays(3), 5);
      data.update("UPDATE activity SET seats_taken = 5 WHERE id = ?", fullClass);
      cancelledClass = activity(data, museum, "A_THEME", "CLASS", NOW.plusDays(1), 20);
      data.update("UPDATE activity SET cancelled_at = now() WHERE id = ?", cancelledClass);
      mobileHaircut = activity(data, mobile, null, "VOLUNTEER_SERVICE", NOW.plusHours(1), null);
      data.update("UPDATE activity SET deployment_id = ? WHERE id = ?", deployed, mobileHaircut);
      pastHaircut = activity(data, mobile, null, "VOLUNTEER_SERVICE", NOW.minusHours(22), null);
      data.update("UPDATE activity SET deployment_id = ? WHERE id = ?", yesterday, pastHaircut);
      lateClass = activity(data, museum, "A_THEME", "CLASS", NOW.plusDays(30), 20);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long point(
      TestData data, Long parent, String level, String name, double north, double east) {
    double[] at = offset(north, east);
    long id = data.point(parent, level, name, at[0], at[1], true);
    positions.put(id, at);
    return id;
  }

  /** A position {@code north} and {@code east} metres from the kiosk (flat-earth offsets). */
  static double[] offset(double north, double east) {
    double lat = LAT + north / 111_195.08;
    double lng = LNG + east / (111_195.08 * Math.cos(Math.toRadians(LAT)));
    return new double[] {lat, lng};
  }

  private static long deployment(
      TestData data,
      long pointId,
      double north,
      double east,
      OffsetDateTime from,
      OffsetDateTime to) {
    double[] at = offset(north, east);
    return data.queryLong(
        "INSERT INTO deployment (point_id, lat, lng, address_zh, starts_at, ends_at)"
            + " VALUES (?, ?, ?, '小区门口', ?, ?) RETURNING id",
        pointId,
        at[0],
        at[1],
        Timestamp.from(from.toInstant()),
        Timestamp.from(to.toInstant()));
  }

  private static long activity(
      TestData data,
      long pointId,
      String theme,
      String category,
      OffsetDateTime start,
      Integer capacity) {
    return data.activity(pointId, theme, category, start, start.plusHours(2), capacity);
  }

  private static JsonObject nearby(String args, String fields) {
    return server
        .data(
            "{ nearbyPoints(at: {lat: "
                + LAT
                + ", lng: "
                + LNG
                + "}, "
                + args
                + ") { "
                + fields
                + " } }")
        .getJsonObject("nearbyPoints");
  }

  private static List<String> names(JsonObject connection) {
    List<String> names = new ArrayList<>();
    connection
        .getJsonArray("edges")
        .forEach(e -> names.add(((JsonObject) e).getJsonObject("node").getString("name")));
    return names;
  }

  @Test
  void pointsComeNearestFirstWithTheirGreatCircleDistance() {
    JsonObject result =
        nearby(
            "radiusMeters: 5000",
            "totalCount edges { distanceMeters coordinates { lat lng } node { id name } }");
    assertEquals(List.of("实践中心", "博物馆", "闭馆基地", "备用服务点", "社区站", "流动服务点"), names(result));
    assertEquals(6, result.getInteger("totalCount"));
    double previous = -1;
    for (Object e : result.getJsonArray("edges")) {
      JsonObject edge = (JsonObject) e;
      JsonObject at = edge.getJsonObject("coordinates");
      double expected = GreatCircle.meters(LAT, LNG, at.getDouble("lat"), at.getDouble("lng"));
      double distance = edge.getDouble("distanceMeters");
      assertEquals(expected, distance, 1e-6 * Math.max(1, expected));
      assertTrue(distance >= previous);
      previous = distance;
    }
    assertEquals(500, result.getJsonArray("edges").getJsonObject(1).getDouble("distanceMeters"), 1);
  }

  @Test
  void aMobilePointIsFoundWhereItsCurrentDeploymentStands() {
    JsonObject near = nearby("radiusMeters: 1000", "edges { node { name } }");
    assertFalse(names(near).contains("流动服务点"), "not at home, nor where it stood yesterday");
    assertTrue(names(near).contains("备用服务点"), "a mobile point not deployed is at home");

    JsonObject west =
        server
            .data(
                "query($lat: Float!, $lng: Float!) { nearbyPoints(at: {lat: $lat, lng: $lng},"
                    + " radiusMeters: 200) { edges { distanceMeters node { name }"
                    + " deployment { address endsAt } } } }",
                Map.of("lat", offset(0, -3000)[0], "lng", offset(0, -3000)[1]))
            .getJsonObject("nearbyPoints");
    assertEquals(List.of("流动服务点"), names(west));
    JsonObject edge = west.getJsonArray("edges").getJsonObject(0);
    assertEquals(0, edge.getDouble("distanceMeters"), 0.01);
    assertEquals("小区门口", edge.getJsonObject("deployment").getString("address"));
  }

  @Test
  void filtersByLevelsThemesAndOpeningHours() {
    assertEquals(
        List.of("博物馆", "远处场馆"),
        names(nearby("radiusMeters: 20000, filter: {levels: [VENUE]}", "edges { node { name } }")));
    assertEquals(
        List.of("博物馆", "闭馆基地", "社区站"),
        names(
            nearby(
                "radiusMeters: 5000, filter: {themeCodes: [\"A_THEME\", \"B_THEME\"],"
                    + " levels: [VENUE, BASE, STATION]}",
                "edges { node { name } }")));
    JsonObject open =
        nearby("radiusMeters: 5000, filter: {openNow: true}", "edges { node { name isOpenNow } }");
    assertEquals(List.of("博物馆"), names(open), "closedToday has an exception for today");
    assertEquals(
        List.of("实践中心", "闭馆基地", "备用服务点", "社区站", "流动服务点"),
        names(nearby("radiusMeters: 5000, filter: {openNow: false}", "edges { node { name } }")));
    assertEquals(
        List.of(),
        names(nearby("radiusMeters: 5000, filter: {levels: []}", "edges { node { name } }")));
  }

  @Test
  void pagesFollowTheDistanceOrderWithoutGapsOrRepeats() {
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          server
              .data(
                  "query($after: String) { nearbyPoints(at: {lat: "
                      + LAT
                      + ", lng: "
                      + LNG
                      + "}, radiusMeters: 20000, first: 2, after: $after) { totalCount"
                      + " pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { name } } } }",
                  after == null ? Map.of() : Map.of("after", after))
              .getJsonObject("nearbyPoints");
      assertEquals(7, page.getInteger("totalCount"));
      seen.addAll(names(page));
      JsonObject info = page.getJsonObject("pageInfo");
      assertEquals(after != null, info.getBoolean("hasPreviousPage"));
      after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
    } while (after != null);
    assertEquals(List.of("实践中心", "博物馆", "闭馆基地", "备用服务点", "社区站", "流动服务点", "远处场馆"), seen);
  }

  @Test
  void badPositionsRadiiAndFiltersAreBadUserInput() {
    assertBad(
        "{ nearbyPoints(at: {lat: 90.5, lng: 0}, radiusMeters: 10) { totalCount } }", "at.lat");
    assertBad(
        "{ nearbyPoints(at: {lat: -91, lng: 0}, radiusMeters: 10) { totalCount } }", "at.lat");
    assertBad(
        "{ nearbyPoints(at: {lat: 0, lng: 180.1}, radiusMeters: 10) { totalCount } }", "at.lng");
    assertBad(
        "{ nearbyPoints(at: {lat: 0, lng: -181}, radiusMeters: 10) { totalCount } }", "at.lng");
    assertBad(
        "{ nearbyPoints(at: {lat: 0, lng: 0}, radiusMeters: 0) { totalCount } }", "radiusMeters");
    assertBad(
        "{ nearbyPoints(at: {lat: 0, lng: 0}, radiusMeters: -5) { totalCount } }", "radiusMeters");
    assertBad(
        "{ nearbyPoints(at: {lat: 0, lng: 0}, radiusMeters: 50000.5) { totalCount } }",
        "radiusMeters");
    assertBad(
        "{ nearbyPoints(at: {lat: 0, lng: 0}, radiusMeters: 10, filter: {themeCodes: [\"NOPE\"]})"
            + " { totalCount } }",
        "filter.themeCodes");
    assertBad(
        "{ nearbyPoints(at: {lat: 0, lng: 0}, radiusMeters: 10, after: \"bogus\") { totalCount } }",
        "after");
    assertBad(
        "{ nearbyActivities(at: {lat: 0, lng: 0}, radiusMeters: 60000) { totalCount } }",
        "radiusMeters");
    // The edges of the ranges are fine.
    server.data("{ nearbyPoints(at: {lat: 90, lng: -180}, radiusMeters: 50000) { totalCount } }");
    server.data("{ nearbyPoints(at: {lat: -90, lng: 180}, radiusMeters: 0.001) { totalCount } }");
  }

  private static void assertBad(String query, String field) {
    JsonObject error = Errors.single(server.graphql(query), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
    assertFalse(error.getString("message").isBlank());
  }

  private static JsonObject activities(String args) {
    return server
        .data(
            "{ nearbyActivities(at: {lat: "
                + LAT
                + ", lng: "
                + LNG
                + "}, "
                + args
                + ") { totalCount edges { distanceMeters node { id } } } }")
        .getJsonObject("nearbyActivities");
  }

  private static List<String> ids(JsonObject connection) {
    List<String> ids = new ArrayList<>();
    connection
        .getJsonArray("edges")
        .forEach(e -> ids.add(((JsonObject) e).getJsonObject("node").getString("id")));
    return ids;
  }

  private static List<String> activityIds(long... ids) {
    List<String> list = new ArrayList<>();
    for (long id : ids) {
      list.add(Ids.activity(id));
    }
    return list;
  }

  @Test
  void activitiesComeByDistanceThenStartTimeAndLeaveOutCancelledAndPastOnes() {
    JsonObject result = activities("radiusMeters: 5000");
    assertEquals(
        activityIds(museumTalk, museumClass, stationClinic, fullClass, mobileHaircut), ids(result));
    assertEquals(5, result.getInteger("totalCount"));
    JsonObject haircut = result.getJsonArray("edges").getJsonObject(4);
    assertEquals(3000, haircut.getDouble("distanceMeters"), 1, "held at the deployment");
  }

  @Test
  void activitiesFilterByWindowThemeCategoryAndSeats() {
    String to = "\"" + NOW.plusDays(40) + "\"";
    assertEquals(
        activityIds(museumTalk, museumClass, lateClass, stationClinic, fullClass, mobileHaircut),
        ids(activities("radiusMeters: 5000, to: " + to)));
    assertEquals(
        activityIds(museumClass, stationClinic, fullClass),
        ids(activities("radiusMeters: 5000, from: \"" + NOW.plusHours(12) + "\"")));
    assertEquals(
        activityIds(museumClass, fullClass),
        ids(activities("radiusMeters: 5000, filter: {categories: [CLASS]}")));
    assertEquals(
        activityIds(stationClinic, fullClass),
        ids(activities("radiusMeters: 5000, filter: {themeCodes: [\"B_THEME\"]}")));
    assertEquals(
        activityIds(museumClass, stationClinic),
        ids(activities("radiusMeters: 5000, filter: {hasSeats: true}")));
    assertEquals(
        activityIds(museumTalk, fullClass, mobileHaircut),
        ids(activities("radiusMeters: 5000, filter: {hasSeats: false}")));
    assertEquals(activityIds(museumTalk, museumClass), ids(activities("radiusMeters: 600")));
  }

  @Test
  void activityPagesFollowTheOrder() {
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          server
              .data(
                  "query($after: String) { nearbyActivities(at: {lat: "
                      + LAT
                      + ", lng: "
                      + LNG
                      + "}, radiusMeters: 5000, first: 2, after: $after) {"
                      + " pageInfo { hasNextPage endCursor } edges { node { id } } } }",
                  after == null ? Map.of() : Map.of("after", after))
              .getJsonObject("nearbyActivities");
      seen.addAll(ids(page));
      JsonObject info = page.getJsonObject("pageInfo");
      after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
    } while (after != null);
    assertEquals(
        activityIds(museumTalk, museumClass, stationClinic, fullClass, mobileHaircut), seen);
  }

  @Test
  void badActivityWindowsAreBadUserInput() {
    String at = "at: {lat: " + LAT + ", lng: " + LNG + "}, radiusMeters: 100";
    assertBad(
        "{ nearbyActivities("
            + at
            + ", from: \""
            + NOW
            + "\", to: \""
            + NOW.minusHours(1)
            + "\") { totalCount } }",
        "to");
    assertBad(
        "{ nearbyActivities(" + at + ", to: \"" + NOW.plusDays(200) + "\") { totalCount } }", "to");
    assertBad(
        "{ nearbyActivities(" + at + ", filter: {themeCodes: [\"X\"]}) { totalCount } }",
        "filter.themeCodes");
    JsonObject noOffset =
        server.graphql(
            "{ nearbyActivities(" + at + ", from: \"2026-01-01T10:00:00\") { totalCount } }");
    Errors.single(noOffset, "BAD_USER_INPUT");
    assertNull(noOffset.getValue("data"));
  }
}
