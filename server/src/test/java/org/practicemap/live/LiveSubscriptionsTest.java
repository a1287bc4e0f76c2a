package org.practicemap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;
import org.practicemap.testing.WsClient;

/** activityChanged and activitiesChanged: which events reach whom, and bad arguments. */
class LiveSubscriptionsTest {
  static final String ONE = TestSubscriptions.ONE;
  static final String MANY = TestSubscriptions.MANY;

  static TestServer server;
  static Network net;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Each test counts the subscriptions it adds: the previous test's must be gone first. */
  @AfterEach
  void allSubscriptionsEnded() {
    TestSubscriptions.awaitFollowers(server, 0);
  }

  @Test
  void aBookingReachesTheActivitysSubscriberWithSeatsLeft() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    try (WsClient ws = follow("one", ONE, Map.of("id", Ids.activity(id)))) {
      sql("UPDATE activity SET seats_taken = seats_taken + 2 WHERE id = ?", id);
      JsonObject event = atVersion(ws, "one", "activityChanged", 2);
      assertEquals("UPDATED", event.getString("kind"));
      assertEquals(Ids.activity(id), event.getString("activityId"));
      assertEquals(28, event.getJsonObject("activity").getInteger("seatsLeft"));
      assertEquals(2, event.getJsonObject("activity").getInteger("version"));
      assertEquals("SCHEDULED", event.getJsonObject("activity").getString("status"));
    }
  }

  @Test
  void aCancellationArrivesAsCancelledWithItsReason() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    try (WsClient ws = follow("one", ONE, Map.of("id", Ids.activity(id)))) {
      sql("UPDATE activity SET cancelled_at = now(), cancel_reason = '大风' WHERE id = ?", id);
      JsonObject event = atVersion(ws, "one", "activityChanged", 2);
      assertEquals("CANCELLED", event.getString("kind"));
      assertEquals("CANCELLED", event.getJsonObject("activity").getString("status"));
      assertEquals("大风", event.getJsonObject("activity").getString("cancelReason"));
    }
  }

  @Test
  void changesToOtherActivitiesDoNotReachASubscriberOfOne() {
    long mine = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    long other = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    try (WsClient ws = follow("one", ONE, Map.of("id", Ids.activity(mine)))) {
      sql("UPDATE activity SET seats_taken = 1 WHERE id = ?", other);
      sql("UPDATE activity SET seats_taken = 5 WHERE id = ?", mine);
      JsonObject event = atVersion(ws, "one", "activityChanged", 2);
      assertEquals(Ids.activity(mine), event.getString("activityId"));
      assertEquals(25, event.getJsonObject("activity").getInteger("seatsLeft"));
    }
  }

  @Test
  void aDeletedActivityArrivesAsRemovedWithoutTheActivity() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    try (WsClient ws = follow("one", ONE, Map.of("id", Ids.activity(id)))) {
      sql("DELETE FROM activity WHERE id = ?", id);
      JsonObject event = ws.nextData("one").getJsonObject("activityChanged");
      while (event.getValue("activity") != null) { // the insert's event, if it came late
        event = ws.nextData("one").getJsonObject("activityChanged");
      }
      assertEquals("REMOVED", event.getString("kind"));
      assertNull(event.getValue("activity"));
    }
  }

  @Test
  void aThemeFilterSeesItsActivitiesCreatedAndOnlyThose() {
    try (WsClient ws = follow("many", MANY, Map.of("f", Map.of("themeCode", "B_THEME")))) {
      TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 10);
      long b = TestSubscriptions.newActivity(server, net.southStation(), "B_THEME", 10);
      JsonObject event = ws.nextData("many").getJsonObject("activitiesChanged");
      assertEquals("CREATED", event.getString("kind"));
      assertEquals(Ids.activity(b), event.getString("activityId"));
      assertNull(ws.poll(Duration.ofMillis(300)));
    }
  }

  @Test
  void aPointFilterCoversItsSubtreeAndAMoveOutArrivesAsRemoved() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 10);
    try (WsClient ws =
        follow("many", MANY, Map.of("f", Map.of("pointId", Ids.point(net.north()))))) {
      sql("UPDATE activity SET seats_taken = 1 WHERE id = ?", id);
      // CREATED when the activity's own creation reached the subscription after it started
      String kind = atVersion(ws, "many", "activitiesChanged", 2).getString("kind");
      assertTrue(kind.equals("UPDATED") || kind.equals("CREATED"), kind);
      sql("UPDATE activity SET point_id = ? WHERE id = ?", net.southStation(), id);
      JsonObject removed = ws.nextData("many").getJsonObject("activitiesChanged");
      assertEquals("REMOVED", removed.getString("kind"));
      assertEquals(Ids.activity(id), removed.getString("activityId"));
      sql("UPDATE activity SET point_id = ? WHERE id = ?", net.northStation(), id);
      assertEquals("CREATED", kind(ws));
    }
  }

  @Test
  void aNearFilterUsesGreatCircleDistance() {
    // The north station is at 43.71, 122.24; the south station about 19 km away.
    Map<String, Object> near =
        Map.of("near", Map.of("at", Map.of("lat", 43.70, "lng", 122.25), "radiusMeters", 2000));
    try (WsClient ws = follow("many", MANY, Map.of("f", near))) {
      TestSubscriptions.newActivity(server, net.southStation(), "A_THEME", 10);
      long close = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 10);
      JsonObject event = ws.nextData("many").getJsonObject("activitiesChanged");
      assertEquals(Ids.activity(close), event.getString("activityId"));
      assertNull(ws.poll(Duration.ofMillis(300)));
    }
  }

  @Test
  void nestedFieldsAreReadAfreshForEveryEvent() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    String query =
        "subscription($id: ID!) { activityChanged(id: $id) { activity { version point { name } } } }";
    try (WsClient ws = follow("one", query, Map.of("id", Ids.activity(id)))) {
      sql("UPDATE activity SET seats_taken = 1 WHERE id = ?", id);
      assertEquals("北社区实践站", pointName(atVersion(ws, "one", "activityChanged", 2)));
      sql("UPDATE point SET name_zh = '北社区新时代文明实践站' WHERE id = ?", net.northStation());
      sql("UPDATE activity SET seats_taken = 2 WHERE id = ?", id);
      assertEquals("北社区新时代文明实践站", pointName(atVersion(ws, "one", "activityChanged", 3)));
      sql("UPDATE point SET name_zh = '北社区实践站' WHERE id = ?", net.northStation());
    }
  }

  @Test
  void aNestedFieldCostsOneStatementPerBatchNotOnePerSubscriber() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    String query =
        "subscription($id: ID!) { activityChanged(id: $id) { activity { version point { name } } } }";
    int subscribers = 20;
    java.util.List<WsClient> clients = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < subscribers; i++) {
        clients.add(follow("one", query, Map.of("id", Ids.activity(id))));
      }
      long before = server.server().app().sql().statementCount();
      sql("UPDATE activity SET seats_taken = 1 WHERE id = ?", id);
      for (WsClient ws : clients) {
        assertEquals("北社区实践站", pointName(atVersion(ws, "one", "activityChanged", 2)));
      }
      long statements = server.server().app().sql().statementCount() - before;
      // the batch (activities, spots), then the point once per event loop that has subscribers
      int loops = Runtime.getRuntime().availableProcessors();
      assertTrue(statements <= 2 + loops, "statements: " + statements);
    } finally {
      clients.forEach(WsClient::close);
    }
  }

  @Test
  void badArgumentsAnswerAnErrorNamingTheField() {
    assertError(ONE, Map.of("id", "not-an-id"), "BAD_USER_INPUT");
    assertError(ONE, Map.of("id", Ids.point(net.north())), "BAD_USER_INPUT");
    assertError(ONE, Map.of("id", Ids.activity(999_999)), "NOT_FOUND");
    assertError(MANY, Map.of("f", Map.of("themeCode", "NO_SUCH")), "BAD_USER_INPUT");
    assertError(MANY, Map.of("f", Map.of("pointId", Ids.point(999_999))), "NOT_FOUND");
    Map<String, Object> at = Map.of("lat", 43.7, "lng", 122.2);
    assertError(
        MANY, Map.of("f", Map.of("near", Map.of("at", at, "radiusMeters", 0))), "BAD_USER_INPUT");
    // At most 50 km, as nearby search: the message names the field and the bound.
    JsonObject wide =
        assertError(
            MANY,
            Map.of("f", Map.of("near", Map.of("at", at, "radiusMeters", 50_001))),
            "BAD_USER_INPUT");
    JsonObject error = wide.getJsonArray("payload").getJsonObject(0);
    assertEquals(
        "filter.near.radiusMeters",
        error.getJsonObject("extensions").getString("field"),
        wide.encode());
    assertTrue(error.getString("message").contains("50 km"), error.getString("message"));
    assertError(
        MANY,
        Map.of("f", Map.of("near", Map.of("at", Map.of("lat", 91, "lng", 1), "radiusMeters", 5))),
        "BAD_USER_INPUT");
  }

  @Test
  void aNearFilterOfExactly50KmIsAccepted() {
    Map<String, Object> at = Map.of("lat", 43.7, "lng", 122.2);
    follow("many", MANY, Map.of("f", Map.of("near", Map.of("at", at, "radiusMeters", 50_000))))
        .close();
  }

  private static JsonObject assertError(String query, Map<String, Object> variables, String code) {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("e", query, variables);
      JsonObject message = ws.next();
      assertEquals("error", message.getString("type"), message.encode());
      assertEquals(
          code,
          message
              .getJsonArray("payload")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"),
          message.encode());
      return message;
    }
  }

  /**
   * Subscribes and returns once the server follows the subscription, its first event read (CURRENT
   * for one activity, RESYNC for a list).
   */
  static WsClient follow(String id, String query, Map<String, Object> variables) {
    int before = server.server().live().activities().size();
    WsClient ws = WsClient.connect(server).init();
    try {
      ws.subscribe(id, query, variables);
      JsonObject data = ws.nextData(id);
      JsonObject first = data.getJsonObject(data.fieldNames().iterator().next());
      if (first.containsKey("kind")) {
        String expected = query.contains("activitiesChanged") ? "RESYNC" : "CURRENT";
        assertEquals(expected, first.getString("kind"), first.encode());
      }
      assertEquals(before + 1, server.server().live().activities().size());
      return ws;
    } catch (RuntimeException | AssertionError e) {
      ws.close();
      throw e;
    }
  }

  private static String kind(WsClient ws) {
    return ws.nextData("many").getJsonObject("activitiesChanged").getString("kind");
  }

  private static String pointName(JsonObject event) {
    return event.getJsonObject("activity").getJsonObject("point").getString("name");
  }

  private static JsonObject atVersion(WsClient ws, String id, String field, long version) {
    return TestSubscriptions.until(ws, id, field, e -> TestSubscriptions.version(e) >= version);
  }

  private static void sql(String statement, Object... args) {
    try (TestData data = new TestData(server.databaseUrl())) {
      data.update(statement, args);
    }
  }
}
