package org.practicemap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;
import org.practicemap.testing.WsClient;

/**
 * Two server replicas on one PostgreSQL: a change committed through one reaches the subscribers of
 * both, and the LISTEN connection recovers when PostgreSQL terminates it.
 */
class AcrossReplicasTest {
  static final String ONE = TestSubscriptions.ONE;

  static TestServer a;
  static TestServer b;
  static Network net;
  static String manager;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newEmptyDatabase();
    a = TestServer.start(url, Map.of("DEMO_DATA", "false"));
    b = TestServer.start(url, Map.of("DEMO_DATA", "false"));
    try (TestData data = new TestData(url)) {
      net = Network.create(data);
      manager = data.token("MANAGER", net.north());
    }
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  @Test
  void aChangeCommittedThroughOneReplicaReachesTheSubscribersOfBoth() {
    long id = TestSubscriptions.newActivity(a, net.northStation(), "A_THEME", 20);
    try (WsClient onA = follow(a, id);
        WsClient onB = follow(b, id)) {
      long committed = System.nanoTime();
      // Through replica A's own connection pool, as a booking made on A would be.
      a.server()
          .app()
          .sql()
          .query("UPDATE activity SET seats_taken = 3 WHERE id = $1", Tuple.of(id))
          .await(10, TimeUnit.SECONDS);
      JsonObject onBEvent = until(onB, e -> version(e) >= 2);
      long millis = (System.nanoTime() - committed) / 1_000_000;
      assertEquals(17, onBEvent.getJsonObject("activity").getInteger("seatsLeft"));
      assertEquals(
          17, until(onA, e -> version(e) >= 2).getJsonObject("activity").getInteger("seatsLeft"));
      System.out.println("replica B received the change " + millis + " ms after the commit on A");
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCancellationMadeThroughOneReplicasApiReachesASubscriberOfTheOther() {
    long id = TestSubscriptions.newActivity(a, net.northStation(), "A_THEME", 20);
    try (WsClient onB = follow(b, id)) {
      a.data(
          "mutation($id: ID!) { cancelActivity(id: $id, reason: \"暴雪\") { activity { id } } }",
          Map.of("id", Ids.activity(id)),
          manager);
      JsonObject event = until(onB, e -> e.getString("kind").equals("CANCELLED"));
      assertEquals("暴雪", event.getJsonObject("activity").getString("cancelReason"));
    }
  }

  @Test
  void afterTheListenConnectionIsTerminatedSubscribersResyncAndEventsFlowAgain() {
    long id = TestSubscriptions.newActivity(a, net.northStation(), "A_THEME", 20);
    try (WsClient ws = follow(b, id);
        TestData data = new TestData(b.databaseUrl())) {
      long killed =
          data.queryLong(
              "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                  + " WHERE application_name = ? AND datname = current_database()",
              ChangeFeed.APPLICATION_NAME);
      assertEquals(2, killed, "one LISTEN connection per replica");
      until(ws, e -> e.getString("kind").equals("RESYNC"));
      data.update("UPDATE activity SET seats_taken = 4 WHERE id = ?", id);
      JsonObject event = until(ws, e -> version(e) >= 2);
      assertEquals("UPDATED", event.getString("kind"));
      assertEquals(16, event.getJsonObject("activity").getInteger("seatsLeft"));
      assertTrue(listening(data) == 2 || awaitListening(data), "both replicas LISTEN again");
    }
  }

  private static long listening(TestData data) {
    return data.queryLong(
        "SELECT count(*) FROM pg_stat_activity"
            + " WHERE application_name = ? AND datname = current_database()",
        ChangeFeed.APPLICATION_NAME);
  }

  private static boolean awaitListening(TestData data) {
    long deadline = System.nanoTime() + WsClient.ARRIVES.toNanos();
    while (System.nanoTime() < deadline) {
      if (listening(data) == 2) {
        return true;
      }
      TestSubscriptions.sleep(java.time.Duration.ofMillis(50));
    }
    return false;
  }

  private static JsonObject until(WsClient ws, java.util.function.Predicate<JsonObject> test) {
    return TestSubscriptions.until(ws, "one", "activityChanged", test);
  }

  private static long version(JsonObject event) {
    return TestSubscriptions.version(event);
  }

  private static WsClient follow(TestServer server, long activityId) {
    int before = server.server().live().activities().size();
    WsClient ws = WsClient.connect(server).init();
    ws.subscribe("one", ONE, Map.of("id", Ids.activity(activityId)));
    TestSubscriptions.awaitFollowers(server, before + 1);
    return ws;
  }
}
