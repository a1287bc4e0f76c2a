package org.practicemap.kiosks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;

/** kioskHeartbeat: only the kiosk's own token, what it records, and what it leaves alone. */
class KioskHeartbeatTest {
  static final String BEAT =
      "mutation($i: KioskHeartbeatInput!) { kioskHeartbeat(input: $i) { serverTime kiosk { id"
          + " version status lastSeenAt appVersion runningVersion screenWidth screenHeight } } }";

  static TestServer server;
  static Network net;
  static String hallToken, lobbyToken, beatToken, manager, admin;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      data.kiosk("hall-1", net.northStation())
          .kiosk("lobby-1", net.centre())
          .kiosk("beat-1", net.centre());
      beatToken = data.token("KIOSK", null, "beat-1", "1 day");
      hallToken = data.token("KIOSK", null, "hall-1", "1 day");
      lobbyToken = data.token("KIOSK", null, "lobby-1", "1 day");
      manager = data.token("MANAGER", net.centre());
      admin = data.token("ADMIN", null);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, Object> beat(String id) {
    Map<String, Object> input = new HashMap<>();
    input.put("id", id);
    input.put("appVersion", "1.4.2");
    input.put("screenWidth", 1080);
    input.put("screenHeight", 1920);
    input.put("lang", "MN");
    input.put("configVersion", 1);
    return input;
  }

  private static long sql(String query, Object... args) {
    try (TestData data = new TestData(server.databaseUrl())) {
      return data.queryLong(query, args);
    }
  }

  @Test
  void aKioskReportsWithItsOwnTokenAndIsOnlineWithoutAConfigurationChange() {
    JsonObject payload =
        server.data(BEAT, Map.of("i", beat("hall-1")), hallToken).getJsonObject("kioskHeartbeat");
    OffsetDateTime serverTime = OffsetDateTime.parse(payload.getString("serverTime"));
    assertTrue(Duration.between(serverTime, OffsetDateTime.now()).abs().toMinutes() < 5);
    JsonObject kiosk = payload.getJsonObject("kiosk");
    assertEquals("ONLINE", kiosk.getString("status"));
    assertNotNull(kiosk.getString("lastSeenAt"));
    assertEquals("1.4.2", kiosk.getString("appVersion"));
    assertEquals(1, kiosk.getInteger("runningVersion"));
    assertEquals(1080, kiosk.getInteger("screenWidth"));
    assertEquals(1, kiosk.getInteger("version"));
    server.data(BEAT, Map.of("i", beat("hall-1")), hallToken);
    assertEquals(1, sql("SELECT version FROM kiosk WHERE id = 'hall-1'"));
    assertEquals(1, sql("SELECT count(*) FROM kiosk_heartbeat WHERE kiosk_id = 'hall-1'"));
    assertEquals(0, sql("SELECT count(*) FROM audit_log WHERE target_type = 'Kiosk'"));
    try (TestData data = new TestData(server.databaseUrl())) {
      assertEquals(
          "MN", data.queryString("SELECT lang FROM kiosk_heartbeat WHERE kiosk_id = 'hall-1'"));
    }
  }

  /**
   * The busiest UPDATE in the database changes no indexed column, so PostgreSQL rewrites the row in
   * place (HOT) and no index grows (V7_2). Statistics reach other sessions within a second or so.
   */
  @Test
  void heartbeatsUpdateTheirRowInPlace() {
    for (int i = 0; i < 4; i++) {
      server.data(BEAT, Map.of("i", beat("beat-1")), beatToken);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    long hot = 0;
    while (hot < 3 && System.nanoTime() < deadline) {
      TestSubscriptions.sleep(Duration.ofMillis(200));
      hot =
          sql(
              "SELECT coalesce(sum(n_tup_hot_upd), 0) FROM pg_stat_user_tables"
                  + " WHERE relname = 'kiosk_heartbeat'");
    }
    assertTrue(hot >= 3, "HOT updates: " + hot);
  }

  @Test
  void heartbeatFromAnotherKiosksTokenIsForbidden() {
    JsonObject error =
        Errors.single(server.graphql(BEAT, Map.of("i", beat("hall-1")), lobbyToken), "FORBIDDEN");
    assertTrue(error.getString("message").contains("lobby-1"), error.encode());
  }

  @Test
  void heartbeatWithoutATokenIsUnauthenticated() {
    Errors.single(server.graphql(BEAT, Map.of("i", beat("hall-1")), null), "UNAUTHENTICATED");
  }

  @Test
  void heartbeatWithAManagersOrAdminsTokenIsForbidden() {
    Errors.single(server.graphql(BEAT, Map.of("i", beat("hall-1")), manager), "FORBIDDEN");
    Errors.single(server.graphql(BEAT, Map.of("i", beat("hall-1")), admin), "FORBIDDEN");
  }

  @Test
  void heartbeatOfAKioskNoLongerRegisteredIsNotFound() {
    String token;
    try (TestData data = new TestData(server.databaseUrl())) {
      token = data.token("KIOSK", null, "gone-1", "1 day");
    }
    Errors.single(server.graphql(BEAT, Map.of("i", beat("gone-1")), token), "NOT_FOUND");
  }

  @Test
  void badHeartbeatsNameTheField() {
    Map<String, Object> app = beat("lobby-1");
    app.put("appVersion", " ");
    assertBad(app, "input.appVersion");
    Map<String, Object> control = beat("lobby-1");
    control.put("appVersion", "1.0\n2");
    assertBad(control, "input.appVersion");
    Map<String, Object> width = beat("lobby-1");
    width.put("screenWidth", 0);
    assertBad(width, "input.screenWidth");
    Map<String, Object> height = beat("lobby-1");
    height.put("screenHeight", 20_001);
    assertBad(height, "input.screenHeight");
    Map<String, Object> version = beat("lobby-1");
    version.put("configVersion", 0);
    assertBad(version, "input.configVersion");
    assertEquals(0, sql("SELECT count(*) FROM kiosk_heartbeat WHERE kiosk_id = 'lobby-1'"));
  }

  private static void assertBad(Map<String, Object> input, String field) {
    JsonObject error =
        Errors.single(server.graphql(BEAT, Map.of("i", input), lobbyToken), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
  }
}
