package org.practicemap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Places;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * search with {@code near} and {@code pointId}: the circle follows nearby search's rule (a point
 * half a metre inside is found, half a metre outside is not; an activity at a mobile point's
 * deployment is where the deployment is), the subtree follows the point's path, both combine, pages
 * and totalCount keep to them, bad input names its field, and moved points take their documents
 * along.
 *
 * <pre>
 *   驼铃总站 (CENTER, at O)
 *   ├── 驼铃甲所 (INSTITUTE, at O)
 *   │   ├── 驼铃边内馆 (VENUE, 1999.5 m from O)   activity 驼铃边内课
 *   │   └── 驼铃边外馆 (VENUE, 2000.5 m from O)   activity 驼铃边外课
 *   └── 驼铃乙所 (INSTITUTE, 15 km away)
 *       ├── 驼铃近馆 (VENUE, 1 km from O)         activity 驼铃近课
 *       └── 驼铃流动点 (MOBILE_POINT, 15 km away) activity 驼铃流动课 at a deployment 500 m from O
 * </pre>
 *
 * (The deployment begins tomorrow, so nearby search too finds the mobile point at home today.)
 */
class SearchPlaceTest {
  static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
  static final double LAT = 43.62;
  static final double LNG = 122.26;
  static final double RADIUS = 2000;
  static final Map<String, Object> NEAR = near(LAT, LNG, RADIUS);

  static TestServer server;
  static long centre;
  static long west;
  static long east;
  static long edgeIn;
  static long edgeOut;
  static long close;
  static long mobile;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1);
      centre = data.point(null, "CENTER", "驼铃总站", LAT, LNG, true);
      west = data.point(centre, "INSTITUTE", "驼铃甲所", LAT, LNG, true);
      double[] in = Places.destination(LAT, LNG, 45, RADIUS - 0.5);
      double[] out = Places.destination(LAT, LNG, 45, RADIUS + 0.5);
      edgeIn = data.point(west, "VENUE", "驼铃边内馆", in[0], in[1], true);
      edgeOut = data.point(west, "VENUE", "驼铃边外馆", out[0], out[1], true);
      double[] far = Places.destination(LAT, LNG, 90, 15_000);
      east = data.point(centre, "INSTITUTE", "驼铃乙所", far[0], far[1], true);
      double[] near = Places.destination(LAT, LNG, 200, 1000);
      close = data.point(east, "VENUE", "驼铃近馆", near[0], near[1], true);
      mobile = data.point(east, "MOBILE_POINT", "驼铃流动点", far[0], far[1], true);
      activity(data, edgeIn, "驼铃边内课", null);
      activity(data, edgeOut, "驼铃边外课", null);
      activity(data, close, "驼铃近课", null);
      double[] stop = Places.destination(LAT, LNG, 300, 500);
      long deployment =
          data.queryLong(
              "INSERT INTO deployment (point_id, lat, lng, starts_at, ends_at)"
                  + " VALUES (?, ?, ?, now() + interval '20 hours', now() + interval '40 hours')"
                  + " RETURNING id",
              mobile,
              stop[0],
              stop[1]);
      activity(data, mobile, "驼铃流动课", deployment);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void activity(TestData data, long point, String title, Long deployment) {
    long id =
        data.activity(point, "A_THEME", "CLASS", NOW.plusDays(1), NOW.plusDays(1).plusHours(2), 20);
    data.update(
        "UPDATE activity SET title_zh = ?, deployment_id = ? WHERE id = ?", title, deployment, id);
  }

  static Map<String, Object> near(double lat, double lng, double radius) {
    return Map.of("at", Map.of("lat", lat, "lng", lng), "radiusMeters", radius);
  }

  private static JsonObject search(Map<String, Object> near, String pointId, int first) {
    return search(near, pointId, first, null);
  }

  private static JsonObject search(
      Map<String, Object> near, String pointId, int first, String after) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("n", first);
    if (near != null) {
      vars.put("near", near);
    }
    if (pointId != null) {
      vars.put("p", pointId);
    }
    if (after != null) {
      vars.put("a", after);
    }
    return server.graphql(
        "query($near: NearInput, $p: ID, $n: Int, $a: String) {"
            + " search(text: \"驼铃\", near: $near, pointId: $p, first: $n, after: $a) {"
            + " totalCount pageInfo { hasNextPage endCursor }"
            + " edges { node { ... on Point { name } ... on Activity { title } } } } }",
        vars);
  }

  private static JsonObject connection(JsonObject response) {
    assertEquals(null, response.getJsonArray("errors"), response.encode());
    return response.getJsonObject("data").getJsonObject("search");
  }

  private static Set<String> foundSet(Map<String, Object> near, String pointId) {
    JsonObject result = connection(search(near, pointId, 100));
    List<String> found = SearchResults.found(result);
    assertEquals(found.size(), result.getInteger("totalCount"), found.toString());
    return Set.copyOf(found);
  }

  @Test
  void withoutPlaceEverythingIsFound() {
    assertEquals(
        Set.of(
            "驼铃总站", "驼铃甲所", "驼铃边内馆", "驼铃边外馆", "驼铃乙所", "驼铃近馆", "驼铃流动点", "驼铃边内课", "驼铃边外课", "驼铃近课",
            "驼铃流动课"),
        foundSet(null, null));
  }

  @Test
  void nearKeepsToTheCircleHalfAMetreDecidesAndActivitiesAtDeploymentsAreWhereTheyAreHeld() {
    // The mobile point's home is 15 km away, so it is not near; its activity is held at a
    // deployment 500 m from the centre, so it is.
    assertEquals(
        Set.of("驼铃总站", "驼铃甲所", "驼铃边内馆", "驼铃近馆", "驼铃边内课", "驼铃近课", "驼铃流动课"), foundSet(NEAR, null));
    // The same circle as nearby search finds, point for point.
    JsonObject nearby =
        server.data(
            "query($at: CoordinatesInput!, $r: Float!) { nearbyPoints(at: $at, radiusMeters: $r,"
                + " first: 100) { edges { node { name } } } }",
            Map.of("at", Map.of("lat", LAT, "lng", LNG), "r", RADIUS));
    List<String> nearbyNames = new ArrayList<>();
    nearby
        .getJsonObject("nearbyPoints")
        .getJsonArray("edges")
        .forEach(e -> nearbyNames.add(((JsonObject) e).getJsonObject("node").getString("name")));
    assertEquals(Set.of("驼铃总站", "驼铃甲所", "驼铃边内馆", "驼铃近馆"), Set.copyOf(nearbyNames));
  }

  @Test
  void pointIdKeepsToItsSubtreeAndTheActivitiesHeldThere() {
    assertEquals(
        Set.of("驼铃甲所", "驼铃边内馆", "驼铃边外馆", "驼铃边内课", "驼铃边外课"), foundSet(null, Ids.point(west)));
    assertEquals(Set.of("驼铃乙所", "驼铃近馆", "驼铃流动点", "驼铃近课", "驼铃流动课"), foundSet(null, Ids.point(east)));
    assertEquals(Set.of("驼铃边外馆", "驼铃边外课"), foundSet(null, Ids.point(edgeOut)));
  }

  @Test
  void nearAndPointIdCombine() {
    assertEquals(Set.of("驼铃甲所", "驼铃边内馆", "驼铃边内课"), foundSet(NEAR, Ids.point(west)));
    assertEquals(Set.of("驼铃近馆", "驼铃近课", "驼铃流动课"), foundSet(NEAR, Ids.point(east)));
    assertEquals(Set.of(), foundSet(NEAR, Ids.point(edgeOut)));
  }

  @Test
  void pagesThroughCursorsKeepToThePlaceInTheRankingOrder() {
    for (String pointId : new String[] {null, Ids.point(centre)}) {
      JsonObject all = connection(search(NEAR, pointId, 100));
      List<String> paged = new ArrayList<>();
      String after = null;
      do {
        JsonObject page = connection(search(NEAR, pointId, 2, after));
        assertEquals(all.getInteger("totalCount"), page.getInteger("totalCount"));
        paged.addAll(SearchResults.found(page));
        JsonObject info = page.getJsonObject("pageInfo");
        after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
      } while (after != null);
      assertEquals(SearchResults.found(all), paged);
      assertEquals(7, paged.size());
    }
  }

  @Test
  void badCirclesAreBadUserInputNamingTheField() {
    List<Map<String, Object>> radii =
        List.of(near(LAT, LNG, 0), near(LAT, LNG, -5), near(LAT, LNG, 50_000.001));
    for (Map<String, Object> near : radii) {
      JsonObject error = Errors.single(search(near, null, 10), "BAD_USER_INPUT");
      assertEquals("near.radiusMeters", error.getJsonObject("extensions").getString("field"));
    }
    JsonObject lat = Errors.single(search(near(90.5, LNG, 100), null, 10), "BAD_USER_INPUT");
    assertEquals("near.at.lat", lat.getJsonObject("extensions").getString("field"));
    JsonObject lng = Errors.single(search(near(LAT, -180.5, 100), null, 10), "BAD_USER_INPUT");
    assertEquals("near.at.lng", lng.getJsonObject("extensions").getString("field"));
    // The same words as nearby search.
    String message =
        Errors.single(search(near(LAT, LNG, 60_000), null, 10), "BAD_USER_INPUT")
            .getString("message");
    String nearbyMessage =
        Errors.single(
                server.graphql(
                    "{ nearbyPoints(at: {lat: 43.62, lng: 122.26}, radiusMeters: 60000)"
                        + " { totalCount } }"),
                "BAD_USER_INPUT")
            .getString("message");
    assertEquals(nearbyMessage, message);
    // 50 km itself is allowed.
    connection(search(near(LAT, LNG, 50_000), null, 10));
  }

  @Test
  void unknownOrMalformedPointIdsAreNotFoundOrBadUserInputNamingTheField() {
    JsonObject unknown = Errors.single(search(null, Ids.point(9_999_999), 10), "NOT_FOUND");
    assertEquals("pointId", unknown.getJsonObject("extensions").getString("field"));
    for (String malformed : List.of("nonsense", Ids.activity(1))) {
      JsonObject error = Errors.single(search(null, malformed, 10), "BAD_USER_INPUT");
      assertEquals("pointId", error.getJsonObject("extensions").getString("field"));
    }
  }

  @Test
  void aMovedPointTakesItsDocumentsAndItsSubtreesAlong() {
    try (TestData data = new TestData(server.databaseUrl())) {
      long root = data.point(null, "CENTER", "骆驼站", 40.0, 116.0, true);
      long a = data.point(root, "INSTITUTE", "骆驼甲所", 40.0, 116.0, true);
      long b = data.point(root, "INSTITUTE", "骆驼乙所", 40.0, 116.0, true);
      long hall = data.point(a, "STATION", "骆驼馆", 40.0, 116.0, true);
      long id =
          data.activity(hall, "A_THEME", "CLASS", NOW.plusDays(1), NOW.plusDays(1).plusHours(1), 5);
      data.update("UPDATE activity SET title_zh = '骆驼课' WHERE id = ?", id);
      String admin = data.token("ADMIN", null);
      Map<String, Object> atHome = near(40.0, 116.0, 100);

      assertEquals(Set.of("骆驼甲所", "骆驼馆", "骆驼课"), camels(null, Ids.point(a)));
      JsonObject moved =
          server.graphql(
              "mutation($id: ID!, $p: ID!) { movePoint(id: $id, parentId: $p) { movedPoints } }",
              Map.of("id", Ids.point(hall), "p", Ids.point(b)),
              admin);
      assertEquals(null, moved.getJsonArray("errors"), moved.encode());
      assertEquals(Set.of("骆驼甲所"), camels(null, Ids.point(a)));
      assertEquals(Set.of("骆驼乙所", "骆驼馆", "骆驼课"), camels(null, Ids.point(b)));

      // Moving b moves hall, a level down: its path changes too.
      long other = data.point(null, "CENTER", "骆驼新站", 40.0, 116.0, true);
      server.graphql(
          "mutation($id: ID!, $p: ID!) { movePoint(id: $id, parentId: $p) { movedPoints } }",
          Map.of("id", Ids.point(b), "p", Ids.point(other)),
          admin);
      assertEquals(Set.of("骆驼新站", "骆驼乙所", "骆驼馆", "骆驼课"), camels(null, Ids.point(other)));
      assertEquals(Set.of("骆驼站", "骆驼甲所"), camels(null, Ids.point(root)));

      // New coordinates: the point and its activity leave the circle together.
      assertTrue(camels(atHome, null).containsAll(Set.of("骆驼馆", "骆驼课")));
      JsonObject updated =
          server.graphql(
              "mutation($id: ID!, $in: UpdatePointInput!) { updatePoint(id: $id, input: $in)"
                  + " { point { id } } }",
              Map.of(
                  "id",
                  Ids.point(hall),
                  "in",
                  Map.of("coordinates", Map.of("lat", 40.1, "lng", 116.0))),
              admin);
      assertEquals(null, updated.getJsonArray("errors"), updated.encode());
      assertEquals(Set.of("骆驼站", "骆驼甲所", "骆驼乙所", "骆驼新站"), camels(atHome, null));
      assertEquals(Set.of("骆驼馆", "骆驼课"), camels(near(40.1, 116.0, 100), Ids.point(b)));
    }
  }

  @Test
  void anActivityHeldAtADeploymentFollowsTheDeployment() {
    try (TestData data = new TestData(server.databaseUrl())) {
      long van = data.point(null, "MOBILE_POINT", "胡杨车", 41.0, 117.0, true);
      long stop =
          data.queryLong(
              "INSERT INTO deployment (point_id, lat, lng, starts_at, ends_at)"
                  + " VALUES (?, 41.5, 117.0, now(), now() + interval '3 days') RETURNING id",
              van);
      long id =
          data.activity(van, "A_THEME", "CLASS", NOW.plusDays(1), NOW.plusDays(1).plusHours(1), 5);
      data.update("UPDATE activity SET title_zh = '胡杨课' WHERE id = ?", id);
      assertEquals(
          Set.of("胡杨车", "胡杨课"), poplars(near(41.0, 117.0, 100)), "at its point until it goes");
      data.update("UPDATE activity SET deployment_id = ? WHERE id = ?", stop, id);
      assertEquals(Set.of("胡杨车"), poplars(near(41.0, 117.0, 100)));
      assertEquals(Set.of("胡杨课"), poplars(near(41.5, 117.0, 100)));
      data.update("UPDATE deployment SET lat = 41.6 WHERE id = ?", stop);
      assertEquals(Set.of(), poplars(near(41.5, 117.0, 100)));
      assertEquals(Set.of("胡杨课"), poplars(near(41.6, 117.0, 100)));
    }
  }

  private static Set<String> poplars(Map<String, Object> near) {
    JsonObject result =
        connection(
            server.graphql(
                "query($near: NearInput) { search(text: \"胡杨\", near: $near) { totalCount"
                    + " edges { node { ... on Point { name } ... on Activity { title } } } } }",
                Map.of("near", near)));
    return Set.copyOf(SearchResults.found(result));
  }

  private static Set<String> camels(Map<String, Object> near, String pointId) {
    Map<String, Object> vars = new HashMap<>();
    if (near != null) {
      vars.put("near", near);
    }
    if (pointId != null) {
      vars.put("p", pointId);
    }
    JsonObject result =
        connection(
            server.graphql(
                "query($near: NearInput, $p: ID) { search(text: \"骆驼\", near: $near, pointId: $p,"
                    + " first: 100) { totalCount edges { node { ... on Point { name }"
                    + " ... on Activity { title } } } } }",
                vars));
    List<String> found = SearchResults.found(result);
    assertEquals(found.size(), result.getInteger("totalCount"));
    return Set.copyOf(found);
  }
}
