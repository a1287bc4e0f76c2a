package org.practicemap.kiosks;

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
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;
import org.practicemap.testing.WsClient;

/** kioskUpdated: configuration changes reach the screen; heartbeats do not. */
class KioskUpdatedTest {
  static final String FOLLOW =
      "subscription($id: ID!) { kioskUpdated(id: $id) { kind kioskId kiosk { id version"
          + " idleSeconds orientation } } }";
  static final String UPDATE =
      "mutation($i: UpdateKioskInput!) { updateKiosk(input: $i) { kiosk { version } } }";
  static final String BEAT =
      "mutation($i: KioskHeartbeatInput!) { kioskHeartbeat(input: $i) { kiosk { version } } }";

  /** Long enough for an event to come through the change feed on a busy machine. */
  static final Duration NOTHING_COMES = Duration.ofSeconds(2);

  static TestServer server;
  static Network net;
  static String manager;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      manager = data.token("MANAGER", net.centre());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void allSubscriptionsEnded() {
    awaitFollowers(0);
  }

  private static String newKiosk(String id) {
    try (TestData data = new TestData(server.databaseUrl())) {
      data.kiosk(id, net.northStation());
      return data.token("KIOSK", null, id, "1 day");
    }
  }

  private static WsClient follow(String id) {
    int before = server.server().live().kiosks().size();
    WsClient ws = WsClient.connect(server).init();
    ws.subscribe("k", FOLLOW, Map.of("id", id));
    awaitFollowers(before + 1);
    return ws;
  }

  private static void awaitFollowers(int count) {
    long deadline = System.nanoTime() + WsClient.ARRIVES.toNanos();
    while (server.server().live().kiosks().size() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " kiosk subscriptions");
      }
      TestSubscriptions.sleep(Duration.ofMillis(20));
    }
  }

  /** The next event after the first one ({@code CURRENT}: the kiosk as it was, version 1). */
  private static JsonObject nextAfterRegistration(WsClient ws) {
    return TestSubscriptions.until(
        ws, "k", "kioskUpdated", e -> !"CURRENT".equals(e.getString("kind")));
  }

  @Test
  void theFirstEventIsTheKioskAsItIsSoNoChangeFallsBetween() {
    newKiosk("screen-0");
    try (WsClient ws = follow("screen-0")) {
      JsonObject first = TestSubscriptions.until(ws, "k", "kioskUpdated", e -> true);
      assertEquals("CURRENT", first.getString("kind"));
      assertEquals(1, first.getJsonObject("kiosk").getInteger("version"));
    }
  }

  @Test
  void aChangeCommittedRightAfterSubscribingIsNeverLost() {
    newKiosk("screen-9");
    for (int round = 0; round < 20; round++) {
      try (WsClient ws = WsClient.connect(server).init()) {
        ws.subscribe("k", FOLLOW, Map.of("id", "screen-9"));
        int idle = 30 + round; // a new value each round, so each update bumps the version
        server.data(UPDATE, Map.of("i", Map.of("id", "screen-9", "idleSeconds", idle)), manager);
        // Either the first event already shows it, or an UPDATED event brings it.
        TestSubscriptions.until(
            ws,
            "k",
            "kioskUpdated",
            e ->
                e.getJsonObject("kiosk") != null
                    && e.getJsonObject("kiosk").getInteger("idleSeconds") == idle);
      }
    }
  }

  @Test
  void anUpdateReachesTheScreenAsUpdatedWithTheNewConfiguration() {
    newKiosk("screen-1");
    try (WsClient ws = follow("screen-1")) {
      server.data(UPDATE, Map.of("i", Map.of("id", "screen-1", "idleSeconds", 120)), manager);
      JsonObject event = nextAfterRegistration(ws);
      assertEquals("UPDATED", event.getString("kind"));
      assertEquals("screen-1", event.getString("kioskId"));
      assertEquals(2, event.getJsonObject("kiosk").getInteger("version"));
      assertEquals(120, event.getJsonObject("kiosk").getInteger("idleSeconds"));
    }
  }

  @Test
  void aRemovalReachesTheScreenAsRemovedWithoutTheKiosk() {
    newKiosk("screen-2");
    try (WsClient ws = follow("screen-2")) {
      server.data("mutation { removeKiosk(id: \"screen-2\") { id } }", Map.of(), manager);
      JsonObject event = nextAfterRegistration(ws);
      assertEquals("REMOVED", event.getString("kind"));
      assertEquals("screen-2", event.getString("kioskId"));
      assertNull(event.getValue("kiosk"));
    }
  }

  @Test
  void aHeartbeatSendsNoEvent() {
    String token = newKiosk("screen-3");
    try (WsClient ws = follow("screen-3")) {
      Map<String, Object> beat =
          Map.of("id", "screen-3", "appVersion", "1.0", "screenWidth", 1080, "screenHeight", 1920);
      server.data(BEAT, Map.of("i", beat), token);
      server.data(BEAT, Map.of("i", beat), token);
      JsonObject late = ws.poll(NOTHING_COMES);
      // Only the registration's own event may still arrive (version 1); nothing for the beats.
      while (late != null) {
        JsonObject kiosk =
            late.getJsonObject("payload")
                .getJsonObject("data")
                .getJsonObject("kioskUpdated")
                .getJsonObject("kiosk");
        assertEquals(1, kiosk.getInteger("version"), late.encode());
        late = ws.poll(NOTHING_COMES);
      }
      // Events keep their order: had a beat changed the row, this would not be version 2.
      server.data(
          UPDATE, Map.of("i", Map.of("id", "screen-3", "orientation", "LANDSCAPE")), manager);
      JsonObject event = nextAfterRegistration(ws);
      assertEquals(2, event.getJsonObject("kiosk").getInteger("version"));
      assertEquals("LANDSCAPE", event.getJsonObject("kiosk").getString("orientation"));
    }
  }

  @Test
  void followingAnUnknownKioskIsNotFound() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("k", FOLLOW, Map.of("id", "no-such-kiosk"));
      JsonObject message = ws.next();
      assertEquals("error", message.getString("type"), message.encode());
      assertTrue(message.encode().contains("NOT_FOUND"), message.encode());
    }
  }
}
