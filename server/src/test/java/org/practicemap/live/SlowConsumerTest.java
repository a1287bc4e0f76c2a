package org.practicemap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;
import org.practicemap.testing.WsClient;

/**
 * A client that stops reading holds back only itself: another client on the same server receives
 * every change meanwhile, and the slow one, once it reads again, is told to resync rather than
 * being sent everything it missed (the server never buffered it all).
 */
class SlowConsumerTest {
  static final int ACTIVITIES = 300;
  static final int ROUNDS = 8;
  static final String ALL =
      "subscription { activitiesChanged { kind activityId activity { version description } } }";

  @Test
  void aClientThatStopsReadingDelaysNobodyAndIsToldToResync() {
    try (TestServer server = TestServer.empty();
        TestData data = new TestData(server.databaseUrl())) {
      Network net = Network.create(data);
      for (int i = 0; i < ACTIVITIES; i++) {
        TestSubscriptions.newActivity(server, net.southStation(), "B_THEME", 100);
      }
      // Large events (about 6 KB each) fill the slow client's socket quickly.
      data.update(
          "UPDATE activity SET description_zh = repeat('文', 2000) WHERE point_id = ?",
          net.southStation());
      long finalVersion = 2 + ROUNDS;

      WsClient slow =
          WsClient.connect(
              server.port(),
              "graphql-transport-ws",
              new WebSocketClientOptions().setReceiveBufferSize(4096));
      WsClient fast = WsClient.connect(server);
      slow.init().subscribe("all", ALL);
      fast.init().subscribe("all", ALL);
      TestSubscriptions.awaitFollowers(server, 2);
      slow.pause();

      for (int round = 0; round < ROUNDS; round++) {
        data.update(
            "UPDATE activity SET seats_taken = seats_taken + 1 WHERE point_id = ?",
            net.southStation());
      }

      Map<String, Long> versions = new HashMap<>();
      int fastEvents = 0;
      while (versions.size() < ACTIVITIES
          || versions.values().stream().anyMatch(v -> v < finalVersion)) {
        JsonObject event = fast.nextData("all").getJsonObject("activitiesChanged");
        fastEvents++;
        if (event.getJsonObject("activity") != null) {
          versions.put(
              event.getString("activityId"), event.getJsonObject("activity").getLong("version"));
        }
      }
      assertTrue(fastEvents >= ACTIVITIES, "fast client events: " + fastEvents);

      slow.resume();
      int slowEvents = 0;
      boolean resync = false;
      JsonObject message;
      while ((message = slow.poll(Duration.ofSeconds(3))) != null) {
        slowEvents++;
        String kind =
            message
                .getJsonObject("payload")
                .getJsonObject("data")
                .getJsonObject("activitiesChanged")
                .getString("kind");
        resync |= kind.equals("RESYNC");
      }
      assertTrue(resync, "the slow client was told to resync");
      assertTrue(
          slowEvents < ACTIVITIES * ROUNDS,
          "the server dropped the slow client's backlog: it received " + slowEvents);
      assertEquals(2, server.server().live().hub().size());
      slow.close();
      fast.close();
    }
  }
}
