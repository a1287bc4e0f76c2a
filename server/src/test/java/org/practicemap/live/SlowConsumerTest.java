package org.practicemap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
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

  /** Reads the events of a third of the activities, each of {@code kind}; their count. */
  private static int readFast(WsClient fast, String kind, Map<String, Long> versions) {
    for (int i = 0; i < ACTIVITIES / 3; i++) {
      JsonObject event = fast.nextData("all").getJsonObject("activitiesChanged");
      assertEquals(kind, event.getString("kind"), "the fast client keeps up");
      versions.put(
          event.getString("activityId"), event.getJsonObject("activity").getLong("version"));
    }
    return ACTIVITIES / 3;
  }

  @Test
  void aClientThatStopsReadingDelaysNobodyAndIsToldToResync() {
    try (TestServer server = TestServer.empty();
        TestData data = new TestData(server.databaseUrl())) {
      Network net = Network.create(data);
      WsClient slow =
          WsClient.connect(
              server.port(),
              "graphql-transport-ws",
              new WebSocketClientOptions().setReceiveBufferSize(4096));
      WsClient fast = WsClient.connect(server);
      slow.init().subscribe("all", ALL);
      fast.init().subscribe("all", ALL);
      // Each starts with RESYNC ("live now"); the one the slow client must earn comes later.
      assertEquals(
          "RESYNC", slow.nextData("all").getJsonObject("activitiesChanged").getString("kind"));
      assertEquals(
          "RESYNC", fast.nextData("all").getJsonObject("activitiesChanged").getString("kind"));
      TestSubscriptions.awaitFollowers(server, 2);
      slow.pause();

      // A third of the activities at a time, waiting for the fast client in between: it never has
      // more than a hundred events outstanding, however loaded the machine, while the slow one
      // soon has all three hundred waiting, past what the server keeps for it. Large events
      // (about 6 KB each) fill the slow client's socket quickly.
      Map<String, Long> versions = new HashMap<>();
      int fastEvents = 0;
      for (int third = 0; third < 3; third++) {
        data.update(
            "INSERT INTO activity (point_id, theme_code, category, title_zh, description_zh,"
                + " starts_at, ends_at, capacity)"
                + " SELECT ?, 'B_THEME', 'CLASS', '课' || n, repeat('文', 2000),"
                + " now() + interval '1 day', now() + interval '1 day 2 hours', 100"
                + " FROM generate_series(1, ?) n",
            net.southStation(),
            ACTIVITIES / 3);
        fastEvents += readFast(fast, "CREATED", versions);
      }
      for (int round = 1; round <= ROUNDS; round++) {
        for (int third = 0; third < 3; third++) {
          data.update(
              "UPDATE activity SET seats_taken = seats_taken + 1 WHERE point_id = ? AND id % 3 = ?",
              net.southStation(), third);
          fastEvents += readFast(fast, "UPDATED", versions);
        }
      }
      assertEquals(ACTIVITIES * (ROUNDS + 1), fastEvents);
      assertEquals(ACTIVITIES, versions.size());
      assertTrue(versions.values().stream().allMatch(v -> v == 1 + ROUNDS), versions.toString());

      slow.resume();
      int slowEvents = 0;
      boolean resync = false;
      JsonObject message;
      // Read until the RESYNC, however long a loaded machine takes to send it: a pause in the
      // stream must not end the reading early.
      while (!resync && (message = slow.poll(WsClient.ARRIVES)) != null) {
        slowEvents++;
        String kind =
            message
                .getJsonObject("payload")
                .getJsonObject("data")
                .getJsonObject("activitiesChanged")
                .getString("kind");
        resync |= kind.equals("RESYNC");
      }
      assertTrue(
          resync,
          "the slow client was told to resync (read "
              + slowEvents
              + " events; closed: "
              + slow.isClosed()
              + ")");
      assertTrue(
          slowEvents < ACTIVITIES * ROUNDS,
          "the server dropped the slow client's backlog: it received " + slowEvents);
      assertEquals(2, server.server().live().activities().size());
      slow.close();
      fast.close();
    }
  }
}
