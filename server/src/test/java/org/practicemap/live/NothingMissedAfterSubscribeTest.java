package org.practicemap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/**
 * A change committed right after a client sends {@code subscribe} is never lost: the server
 * registers the subscription before its first read, and the first event tells the client where it
 * stands (the activity as it is, or "query now"). Each round sends the change as soon as the
 * subscribe frame is written, without waiting for anything; with the registration after the
 * existence check (the old code) most rounds lost their change.
 */
class NothingMissedAfterSubscribeTest {
  static final int ROUNDS = 50;
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

  @AfterEach
  void allSubscriptionsEnded() {
    TestSubscriptions.awaitFollowers(server, 0);
  }

  @Test
  void aChangeCommittedRightAfterSubscribingToOneActivityIsAlwaysDelivered() {
    try (WsClient ws = WsClient.connect(server).init();
        TestData data = new TestData(server.databaseUrl())) {
      for (int round = 0; round < ROUNDS; round++) {
        long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
        String op = "r" + round;
        ws.subscribe(op, ONE, Map.of("id", Ids.activity(id)));
        data.update("UPDATE activity SET seats_taken = 3 WHERE id = ?", id);
        // The first event (CURRENT) shows 30 or 27 seats, whichever it read; 27 must come.
        JsonObject event = next(ws, op, "activityChanged");
        while (seatsLeft(event) != 27) {
          event = next(ws, op, "activityChanged");
        }
        assertEquals(2, TestSubscriptions.version(event), "round " + round);
        ws.complete(op);
      }
    }
  }

  @Test
  void aClientOfAFilteredListThatQueriesOnItsFirstEventMissesNoChange() {
    String query = "query($id: ID!) { node(id: $id) { ... on Activity { seatsLeft } } }";
    try (WsClient ws = WsClient.connect(server).init();
        TestData data = new TestData(server.databaseUrl())) {
      for (int round = 0; round < ROUNDS; round++) {
        long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
        String op = "r" + round;
        // The theme and the point are checked in the database before the subscription is live.
        ws.subscribe(
            op,
            MANY,
            Map.of("f", Map.of("themeCode", "A_THEME", "pointId", Ids.point(net.north()))));
        data.update("UPDATE activity SET seats_taken = 3 WHERE id = ?", id);
        // As the schema says: apply the events, and query what you show on RESYNC (the first
        // event is one).
        int seats = 30;
        while (seats != 27) {
          JsonObject event = next(ws, op, "activitiesChanged");
          if (event.getString("kind").equals("RESYNC")) {
            seats =
                server
                    .data(query, Map.of("id", Ids.activity(id)))
                    .getJsonObject("node")
                    .getInteger("seatsLeft");
          } else if (Ids.activity(id).equals(event.getString("activityId"))) {
            seats = seatsLeft(event);
          }
        }
        ws.complete(op);
      }
    }
  }

  /**
   * The next event of operation {@code op}; events of the rounds before, sent before the server saw
   * their {@code complete}, are skipped.
   */
  private static JsonObject next(WsClient ws, String op, String field) {
    while (true) {
      JsonObject message = ws.next();
      if (op.equals(message.getString("id"))) {
        assertEquals("next", message.getString("type"), message.encode());
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject(field);
      }
    }
  }

  private static int seatsLeft(JsonObject event) {
    JsonObject activity = event.getJsonObject("activity");
    return activity == null ? -1 : activity.getInteger("seatsLeft");
  }

  @Test
  void theFirstEventIsTheActivityAsItIsAndOlderEventsAreNotRepeated() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    try (TestData data = new TestData(server.databaseUrl())) {
      data.update("UPDATE activity SET seats_taken = 5 WHERE id = ?", id);
      try (WsClient ws = WsClient.connect(server).init()) {
        ws.subscribe("one", ONE, Map.of("id", Ids.activity(id)));
        JsonObject first = ws.nextData("one").getJsonObject("activityChanged");
        assertEquals("CURRENT", first.getString("kind"));
        assertEquals(Ids.activity(id), first.getString("activityId"));
        assertEquals(25, first.getJsonObject("activity").getInteger("seatsLeft"));
        assertEquals(2, TestSubscriptions.version(first));
        data.update("UPDATE activity SET seats_taken = 6 WHERE id = ?", id);
        JsonObject next = ws.nextData("one").getJsonObject("activityChanged");
        // The creation's and the first update's events, if still on their way, were dropped.
        assertEquals("UPDATED", next.getString("kind"));
        assertEquals(3, TestSubscriptions.version(next));
        assertNull(ws.poll(Duration.ofMillis(300)));
      }
    }
  }

  @Test
  void aListStartsWithResyncOnceItIsLiveAndThenSendsChanges() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("many", MANY, Map.of("f", Map.of("themeCode", "B_THEME")));
      JsonObject first = ws.nextData("many").getJsonObject("activitiesChanged");
      assertEquals("RESYNC", first.getString("kind"));
      assertNull(first.getValue("activity"));
      long id = TestSubscriptions.newActivity(server, net.southStation(), "B_THEME", 10);
      JsonObject created = ws.nextData("many").getJsonObject("activitiesChanged");
      assertEquals("CREATED", created.getString("kind"));
      assertEquals(Ids.activity(id), created.getString("activityId"));
    }
  }

  @Test
  void aCancelledActivityStartsWithCurrentShowingItsStatus() {
    long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
    try (TestData data = new TestData(server.databaseUrl())) {
      data.update(
          "UPDATE activity SET cancelled_at = now(), cancel_reason = '停电' WHERE id = ?", id);
    }
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("one", ONE, Map.of("id", Ids.activity(id)));
      JsonObject first = ws.nextData("one").getJsonObject("activityChanged");
      assertEquals("CURRENT", first.getString("kind"));
      assertEquals("CANCELLED", first.getJsonObject("activity").getString("status"));
      assertEquals("停电", first.getJsonObject("activity").getString("cancelReason"));
    }
  }

  @Test
  void anUnknownActivityOrPointLeavesNoRegistrationBehind() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("gone", ONE, Map.of("id", Ids.activity(987_654)));
      assertEquals("error", ws.next().getString("type"));
      ws.subscribe("nowhere", MANY, Map.of("f", Map.of("pointId", Ids.point(987_654))));
      assertEquals("error", ws.next().getString("type"));
      TestSubscriptions.awaitFollowers(server, 0);
      // The socket still works: the refusals ended only their own operations.
      long id = TestSubscriptions.newActivity(server, net.northStation(), "A_THEME", 30);
      ws.subscribe("one", ONE, Map.of("id", Ids.activity(id)));
      assertEquals(
          "CURRENT", ws.nextData("one").getJsonObject("activityChanged").getString("kind"));
      assertEquals(1, server.server().live().activities().size());
    }
  }
}
