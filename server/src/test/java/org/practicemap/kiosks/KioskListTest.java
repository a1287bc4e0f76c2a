package org.practicemap.kiosks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** kiosks: who is heard from, within the caller's subtree, filtered and paged. */
class KioskListTest {
  static final String LIST =
      "query($f: KioskFilter, $first: Int, $after: String) { kiosks(filter: $f, first: $first,"
          + " after: $after) { totalCount pageInfo { hasNextPage endCursor }"
          + " edges { cursor node { id status lastSeenAt appVersion } } } }";

  static TestServer server;
  static Network net;
  static String admin, centreManager, northManager, staff, kioskToken;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      data.kiosk("n-online", net.northStation())
          .kiosk("n-stale", net.northStation())
          .kiosk("n-old", net.north())
          .kiosk("n-never", net.north())
          .kiosk("s-online", net.southStation())
          .kiosk("c-edge", net.centre())
          .heartbeat("n-online", "5 seconds")
          .heartbeat("n-stale", "5 minutes")
          .heartbeat("n-old", "11 minutes")
          .heartbeat("s-online", "80 seconds")
          .heartbeat("c-edge", "100 seconds");
      admin = data.token("ADMIN", null);
      centreManager = data.token("MANAGER", net.centre());
      northManager = data.token("MANAGER", net.north());
      staff = data.token("STAFF", net.centre());
      kioskToken = data.token("KIOSK", null, "n-online", "1 day");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject list(
      String token, Map<String, Object> filter, int first, String after) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("f", filter);
    vars.put("first", first);
    vars.put("after", after);
    return server.data(LIST, vars, token).getJsonObject("kiosks");
  }

  private static Map<String, String> statuses(JsonObject page) {
    Map<String, String> byId = new HashMap<>();
    page.getJsonArray("edges")
        .forEach(
            e -> {
              JsonObject node = ((JsonObject) e).getJsonObject("node");
              byId.put(node.getString("id"), node.getString("status"));
            });
    return byId;
  }

  @Test
  void anAdminSeesEveryKioskOnlineStaleOrOfflineByItsLastHeartbeat() {
    JsonObject page = list(admin, null, 100, null);
    assertEquals(6, page.getInteger("totalCount"));
    assertEquals(
        Map.of(
            "n-online", "ONLINE",
            "s-online", "ONLINE",
            "c-edge", "STALE",
            "n-stale", "STALE",
            "n-old", "OFFLINE",
            "n-never", "OFFLINE"),
        statuses(page));
    assertEquals(
        List.of("c-edge", "n-never", "n-old", "n-online", "n-stale", "s-online"),
        page.getJsonArray("edges").stream()
            .map(e -> ((JsonObject) e).getJsonObject("node").getString("id"))
            .toList());
  }

  @Test
  void aManagerSeesTheKiosksOfTheirSubtreeOnly() {
    JsonObject page = list(northManager, null, 100, null);
    assertEquals(4, page.getInteger("totalCount"));
    assertEquals(
        Map.of("n-online", "ONLINE", "n-stale", "STALE", "n-old", "OFFLINE", "n-never", "OFFLINE"),
        statuses(page));
  }

  @Test
  void aPointFilterCoversTheSubtreeAndAStatusFilterPicksTheState() {
    assertEquals(
        Map.of("n-online", "ONLINE", "n-stale", "STALE"),
        statuses(list(centreManager, Map.of("pointId", Ids.point(net.northStation())), 100, null)));
    JsonObject stale = list(centreManager, Map.of("status", "STALE"), 100, null);
    assertEquals(2, stale.getInteger("totalCount"));
    assertEquals(Map.of("n-stale", "STALE", "c-edge", "STALE"), statuses(stale));
    JsonObject offlineNorth =
        list(
            northManager,
            Map.of("pointId", Ids.point(net.north()), "status", "OFFLINE"),
            100,
            null);
    assertEquals(Map.of("n-old", "OFFLINE", "n-never", "OFFLINE"), statuses(offlineNorth));
  }

  @Test
  void pagesFollowTheCursorInIdOrder() {
    JsonObject first = list(admin, null, 4, null);
    assertEquals(true, first.getJsonObject("pageInfo").getBoolean("hasNextPage"));
    JsonObject second =
        list(admin, null, 4, first.getJsonObject("pageInfo").getString("endCursor"));
    assertEquals(false, second.getJsonObject("pageInfo").getBoolean("hasNextPage"));
    assertEquals(
        List.of("n-stale", "s-online"),
        second.getJsonArray("edges").stream()
            .map(e -> ((JsonObject) e).getJsonObject("node").getString("id"))
            .toList());
    assertEquals(6, second.getInteger("totalCount"));
  }

  @Test
  void aPageOfKiosksWithTheirPointsTakesAFixedFewStatements() {
    server.data("{ viewer { role } }", Map.of(), admin); // the token is looked up now, not below
    long before = server.server().app().sql().statementCount();
    JsonObject page =
        server
            .data(
                "{ kiosks(first: 100) { totalCount edges { node { id location { lat lng }"
                    + " point { name parent { name } } } } } }",
                Map.of(),
                admin)
            .getJsonObject("kiosks");
    long statements = server.server().app().sql().statementCount() - before;
    assertEquals(6, page.getJsonArray("edges").size());
    // page (with locations and heartbeats) + count + points + parents
    assertTrue(statements <= 4, "statements: " + statements);
  }

  @Test
  void aPointOutsideTheManagersSubtreeIsForbidden() {
    Errors.single(
        server.graphql(LIST, Map.of("f", Map.of("pointId", Ids.point(net.south()))), northManager),
        "FORBIDDEN");
    Errors.single(
        server.graphql(LIST, Map.of("f", Map.of("pointId", Ids.point(net.centre()))), northManager),
        "FORBIDDEN");
  }

  @Test
  void staffKiosksAndThePublicMayNotList() {
    Errors.single(server.graphql(LIST, Map.of(), staff), "FORBIDDEN");
    Errors.single(server.graphql(LIST, Map.of(), kioskToken), "FORBIDDEN");
    JsonObject response = server.graphql(LIST, Map.of());
    Errors.single(response, "UNAUTHENTICATED");
    assertNull(response.getValue("data"));
  }

  @Test
  void aForeignCursorOrAnUnknownPointIsRefused() {
    JsonObject bad =
        Errors.single(server.graphql(LIST, Map.of("after", "bm9wZQ"), admin), "BAD_USER_INPUT");
    assertEquals("after", bad.getJsonObject("extensions").getString("field"));
    Errors.single(
        server.graphql(LIST, Map.of("f", Map.of("pointId", Ids.point(999_999))), admin),
        "NOT_FOUND");
  }
}
