package org.practicemap.kiosks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** kiosk(id): the public configuration, where a kiosk stands, and who sees its state. */
class KioskQueryTest {
  static final String KIOSK =
      "query($id: ID!) { kiosk(id: $id) { id name nameEn: name(lang: EN) point { id level }"
          + " location { lat lng } locationOverride { lat lng } defaultLang bilingual themeCodes"
          + " orientation radiusMeters tileUrl idleSeconds version lastSeenAt appVersion status"
          + " runningVersion screenWidth screenHeight } }";

  static TestServer server;
  static Network net;
  static long mobile, parkedMobile;
  static String hallToken, otherKioskToken, centreManager, southManager;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      mobile = data.point(net.north(), "MOBILE_POINT", "北流动服务点", 43.70, 122.20, false);
      parkedMobile = data.point(net.north(), "MOBILE_POINT", "停放的流动点", 43.72, 122.21, false);
      deployment(data, mobile, 43.601, 122.301, -2, 3);
      deployment(data, mobile, 43.9, 122.9, -30, -20); // over: not where it stands now
      deployment(data, parkedMobile, 43.5, 122.5, 24, 30); // not yet
      data.kiosk("hall-1", net.northStation())
          .kiosk("hall-2", net.northStation())
          .kiosk("mobile-01", mobile)
          .kiosk("mobile-02", parkedMobile)
          .kiosk("moved-1", mobile)
          .heartbeat("hall-1", "10 seconds");
      data.update(
          "UPDATE kiosk SET override_lat = 43.65, override_lng = 122.33 WHERE id = 'moved-1'");
      hallToken = data.token("KIOSK", null, "hall-1", "1 day");
      otherKioskToken = data.token("KIOSK", null, "hall-2", "1 day");
      centreManager = data.token("MANAGER", net.centre());
      southManager = data.token("MANAGER", net.south());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void deployment(
      TestData data, long point, double lat, double lng, int fromHours, int toHours) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    data.update(
        "INSERT INTO deployment (point_id, lat, lng, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
        point,
        lat,
        lng,
        Timestamp.from(now.plus(fromHours, ChronoUnit.HOURS)),
        Timestamp.from(now.plus(toHours, ChronoUnit.HOURS)));
  }

  private static JsonObject kiosk(String id, String token) {
    return server.data(KIOSK, Map.of("id", id), token).getJsonObject("kiosk");
  }

  @Test
  void aKioskShowsItsConfigurationWithTheDefaultsToAnyone() {
    JsonObject k = kiosk("hall-1", null);
    assertEquals("hall-1", k.getString("id"));
    assertEquals("屏幕hall-1", k.getString("name"));
    assertEquals("Screen hall-1", k.getString("nameEn"));
    assertEquals(Ids.point(net.northStation()), k.getJsonObject("point").getString("id"));
    assertEquals(
        new JsonObject().put("lat", 43.71).put("lng", 122.24), k.getJsonObject("location"));
    assertNull(k.getValue("locationOverride"));
    assertEquals("ZH", k.getString("defaultLang"));
    assertEquals(false, k.getBoolean("bilingual"));
    assertEquals(new JsonArray(), k.getJsonArray("themeCodes"));
    assertEquals("PORTRAIT", k.getString("orientation"));
    assertEquals(3000, k.getInteger("radiusMeters"));
    assertNull(k.getValue("tileUrl"));
    assertEquals(60, k.getInteger("idleSeconds"));
    assertEquals(1, k.getInteger("version"));
  }

  @Test
  void aMobileKioskStandsWhereItsPointIsDeployedNow() {
    JsonObject k = kiosk("mobile-01", null);
    assertEquals("MOBILE_POINT", k.getJsonObject("point").getString("level"));
    assertEquals(
        new JsonObject().put("lat", 43.601).put("lng", 122.301), k.getJsonObject("location"));
  }

  @Test
  void aMobileKioskWithoutACurrentDeploymentStandsAtItsPointsHome() {
    assertEquals(
        new JsonObject().put("lat", 43.72).put("lng", 122.21),
        kiosk("mobile-02", null).getJsonObject("location"));
  }

  @Test
  void anOverrideWinsOverTheDeployment() {
    JsonObject k = kiosk("moved-1", null);
    JsonObject override = new JsonObject().put("lat", 43.65).put("lng", 122.33);
    assertEquals(override, k.getJsonObject("location"));
    assertEquals(override, k.getJsonObject("locationOverride"));
  }

  @Test
  void theOperationalStateIsHiddenFromThePublicAndFromOtherKiosks() {
    for (String token : new String[] {null, otherKioskToken, southManager}) {
      JsonObject k = kiosk("hall-1", token);
      assertNull(k.getValue("lastSeenAt"), String.valueOf(token));
      assertNull(k.getValue("appVersion"));
      assertNull(k.getValue("status"));
      assertNull(k.getValue("screenWidth"));
    }
  }

  @Test
  void theKioskItselfAndItsManagerSeeItsState() {
    for (String token : new String[] {hallToken, centreManager}) {
      JsonObject k = kiosk("hall-1", token);
      assertEquals("ONLINE", k.getString("status"));
      assertEquals("test-1", k.getString("appVersion"));
      assertEquals(1080, k.getInteger("screenWidth"));
      assertEquals(1920, k.getInteger("screenHeight"));
    }
    JsonObject never = kiosk("hall-2", centreManager);
    assertEquals("OFFLINE", never.getString("status"));
    assertNull(never.getValue("lastSeenAt"));
  }

  @Test
  void anUnknownKioskIsNullWithNotFound() {
    JsonObject response = server.graphql(KIOSK, Map.of("id", "hall-404"));
    Errors.single(response, "NOT_FOUND");
    assertNull(response.getJsonObject("data").getValue("kiosk"));
  }

  @Test
  void aMalformedKioskIdIsBadInputNamingTheArgument() {
    JsonObject error =
        Errors.single(server.graphql(KIOSK, Map.of("id", "hall 1; drop")), "BAD_USER_INPUT");
    assertEquals("id", error.getJsonObject("extensions").getString("field"));
  }
}
