package org.practicemap.kiosks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * registerKiosk, updateKiosk and removeKiosk: allowed inside the caller's subtree, FORBIDDEN
 * outside it, every bad input named, one audit entry per change.
 */
class KioskMutationsTest {
  static final String FIELDS =
      "{ id name nameEn: name(lang: EN) point { id } location { lat lng } locationOverride { lat"
          + " lng } defaultLang bilingual themeCodes orientation radiusMeters tileUrl idleSeconds"
          + " version }";
  static final String REGISTER =
      "mutation($i: RegisterKioskInput!) { registerKiosk(input: $i) { kiosk " + FIELDS + " } }";
  static final String UPDATE =
      "mutation($i: UpdateKioskInput!) { updateKiosk(input: $i) { kiosk " + FIELDS + " } }";
  static final String REMOVE = "mutation($id: ID!) { removeKiosk(id: $id) { id revokedTokens } }";

  static TestServer server;
  static Network net;
  static String admin, centreManager, northManager, southManager, staff;
  static final AtomicInteger serial = new AtomicInteger();

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      admin = data.token("ADMIN", null);
      centreManager = data.token("MANAGER", net.centre());
      northManager = data.token("MANAGER", net.north());
      southManager = data.token("MANAGER", net.south());
      staff = data.token("STAFF", net.centre());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A fresh kiosk id for each registration, so that tests do not depend on each other. */
  private static String newId() {
    return "k-" + serial.incrementAndGet();
  }

  private static Map<String, Object> registration(String id, long point) {
    Map<String, Object> input = new HashMap<>();
    input.put("id", id);
    input.put("pointId", Ids.point(point));
    input.put("name", Map.of("zh", " 大厅屏 ", "en", "Lobby screen"));
    return input;
  }

  private static JsonObject register(String token, Map<String, Object> input) {
    return server
        .data(REGISTER, Map.of("i", input), token)
        .getJsonObject("registerKiosk")
        .getJsonObject("kiosk");
  }

  private static JsonObject update(String token, Map<String, Object> input) {
    return server
        .data(UPDATE, Map.of("i", input), token)
        .getJsonObject("updateKiosk")
        .getJsonObject("kiosk");
  }

  private static long count(String sql, Object... args) {
    try (TestData data = new TestData(server.databaseUrl())) {
      return data.queryLong(sql, args);
    }
  }

  private static void assertBad(String query, Map<String, Object> input, String field) {
    JsonObject error =
        Errors.single(server.graphql(query, Map.of("i", input), admin), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
  }

  @Test
  void aManagerRegistersAKioskInTheirSubtreeAndTheAuditLogKeepsIt() {
    String id = newId();
    Map<String, Object> input = registration(id, net.northStation());
    input.put("defaultLang", "MN");
    input.put("bilingual", true);
    input.put("themeCodes", List.of("B_THEME", "A_THEME", "B_THEME"));
    input.put("orientation", "LANDSCAPE");
    input.put("radiusMeters", 1500);
    input.put("idleSeconds", 90);
    input.put("tileUrl", "https://tiles.example.cn/{z}/{x}/{y}.png");
    input.put("locationOverride", Map.of("lat", 43.7123, "lng", 122.2456));
    JsonObject k = register(northManager, input);
    assertEquals(id, k.getString("id"));
    assertEquals("大厅屏", k.getString("name"));
    assertEquals("Lobby screen", k.getString("nameEn"));
    assertEquals(Ids.point(net.northStation()), k.getJsonObject("point").getString("id"));
    assertEquals(
        new JsonObject().put("lat", 43.7123).put("lng", 122.2456), k.getJsonObject("location"));
    assertEquals("MN", k.getString("defaultLang"));
    assertEquals(true, k.getBoolean("bilingual"));
    assertEquals(new JsonArray().add("B_THEME").add("A_THEME"), k.getJsonArray("themeCodes"));
    assertEquals("LANDSCAPE", k.getString("orientation"));
    assertEquals(1500, k.getInteger("radiusMeters"));
    assertEquals(90, k.getInteger("idleSeconds"));
    assertEquals("https://tiles.example.cn/{z}/{x}/{y}.png", k.getString("tileUrl"));
    assertEquals(1, k.getInteger("version"));
    try (TestData data = new TestData(server.databaseUrl())) {
      assertEquals(
          "kiosk.register",
          data.queryString(
              "SELECT action FROM audit_log WHERE target_type = 'Kiosk' AND target_id = ?", id));
      assertEquals(
          "LANDSCAPE",
          data.queryString(
              "SELECT after ->> 'orientation' FROM audit_log WHERE target_id = ?", id));
    }
  }

  @Test
  void registeringOutsideTheCallersSubtreeIsForbiddenAndWritesNothing() {
    String id = newId();
    Errors.single(
        server.graphql(REGISTER, Map.of("i", registration(id, net.southStation())), northManager),
        "FORBIDDEN");
    Errors.single(
        server.graphql(REGISTER, Map.of("i", registration(id, net.centre())), northManager),
        "FORBIDDEN");
    Errors.single(
        server.graphql(REGISTER, Map.of("i", registration(id, net.northStation())), staff),
        "FORBIDDEN");
    Errors.single(
        server.graphql(REGISTER, Map.of("i", registration(id, net.northStation())), null),
        "UNAUTHENTICATED");
    Errors.single(
        server.graphql(REGISTER, Map.of("i", registration("bad id", net.north())), null),
        "UNAUTHENTICATED");
    assertEquals(0, count("SELECT count(*) FROM kiosk WHERE id = ?", id));
    assertEquals(0, count("SELECT count(*) FROM audit_log WHERE target_id = ?", id));
  }

  @Test
  void aTakenIdIsAConflictWhateverItsCase() {
    String id = newId();
    register(admin, registration(id, net.northStation()));
    for (String again : List.of(id, id.toUpperCase())) {
      JsonObject error =
          Errors.single(
              server.graphql(REGISTER, Map.of("i", registration(again, net.southStation())), admin),
              "CONFLICT");
      assertEquals("input.id", error.getJsonObject("extensions").getString("field"));
    }
    assertEquals(1, count("SELECT count(*) FROM kiosk WHERE lower(id) = lower(?)", id));
  }

  @Test
  void badRegistrationsNameTheField() {
    Map<String, Object> badId = registration("lobby 1", net.north());
    assertBad(REGISTER, badId, "input.id");
    assertBad(REGISTER, registration("x".repeat(65), net.north()), "input.id");
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "locationOverride", Map.of("lat", 91, "lng", 122)),
        "input.locationOverride.lat");
    assertBad(
        REGISTER,
        with(
            registration(newId(), net.north()), "locationOverride", Map.of("lat", 43, "lng", -181)),
        "input.locationOverride.lng");
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "radiusMeters", 99),
        "input.radiusMeters");
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "radiusMeters", 50_001),
        "input.radiusMeters");
    assertBad(
        REGISTER, with(registration(newId(), net.north()), "idleSeconds", 14), "input.idleSeconds");
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "idleSeconds", 601),
        "input.idleSeconds");
    for (String url :
        List.of(
            "ftp://tiles.example.cn/{z}/{x}/{y}.png",
            "https://tiles.example.cn/{z}/{x}.png",
            "https:///{z}/{x}/{y}.png",
            "https://tiles example.cn/{z}/{x}/{y}.png",
            "https://tiles.example.cn/" + "a".repeat(500) + "/{z}/{x}/{y}.png")) {
      assertBad(
          REGISTER, with(registration(newId(), net.north()), "tileUrl", url), "input.tileUrl");
    }
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "themeCodes", List.of("NO_SUCH")),
        "input.themeCodes");
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "themeCodes", List.of("lower")),
        "input.themeCodes");
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "name", Map.of("zh", " ")),
        "input.name.zh");
    assertBad(
        REGISTER,
        with(registration(newId(), net.north()), "pointId", Ids.activity(1)),
        "input.pointId");
    assertEquals(0, count("SELECT count(*) FROM kiosk WHERE point_id = ?", net.north()));
  }

  @Test
  void anUnknownPointIsNotFound() {
    JsonObject error =
        Errors.single(
            server.graphql(REGISTER, Map.of("i", registration(newId(), 999_999)), admin),
            "NOT_FOUND");
    assertEquals("input.pointId", error.getJsonObject("extensions").getString("field"));
  }

  @Test
  void anUpdateChangesOnlyWhatIsSentAndBumpsTheVersion() {
    String id = newId();
    Map<String, Object> input = registration(id, net.northStation());
    input.put("tileUrl", "https://tiles.example.cn/{z}/{x}/{y}.png");
    input.put("locationOverride", Map.of("lat", 43.7, "lng", 122.2));
    register(northManager, input);
    Map<String, Object> change = new HashMap<>();
    change.put("id", id);
    change.put("idleSeconds", 120);
    change.put("tileUrl", null);
    change.put("locationOverride", null);
    change.put("expectedVersion", 1);
    JsonObject k = update(northManager, change);
    assertEquals(120, k.getInteger("idleSeconds"));
    assertNull(k.getValue("tileUrl"));
    assertNull(k.getValue("locationOverride"));
    assertEquals(
        new JsonObject().put("lat", 43.71).put("lng", 122.24), k.getJsonObject("location"));
    assertEquals("大厅屏", k.getString("name"));
    assertEquals(2, k.getInteger("version"));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM audit_log WHERE action = 'kiosk.update' AND target_id = ?"
                + " AND (before ->> 'idleSeconds')::int = 60 AND (after ->> 'idleSeconds')::int = 120",
            id));
  }

  @Test
  void anUpdateThatChangesNothingKeepsTheVersion() {
    String id = newId();
    register(northManager, registration(id, net.northStation()));
    JsonObject k = update(northManager, Map.of("id", id, "radiusMeters", 3000, "bilingual", false));
    assertEquals(1, k.getInteger("version"));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM audit_log WHERE action = 'kiosk.update' AND target_id = ?", id));
  }

  @Test
  void anUpdateOnAStaleVersionIsAConflict() {
    String id = newId();
    register(northManager, registration(id, net.northStation()));
    update(northManager, Map.of("id", id, "idleSeconds", 30));
    JsonObject error =
        Errors.single(
            server.graphql(
                UPDATE,
                Map.of("i", Map.of("id", id, "idleSeconds", 45, "expectedVersion", 1)),
                northManager),
            "CONFLICT");
    assertEquals("input.expectedVersion", error.getJsonObject("extensions").getString("field"));
  }

  @Test
  void updatingOutsideTheSubtreeIsForbiddenAndSoIsMovingAKioskOutOfIt() {
    String id = newId();
    register(centreManager, registration(id, net.northStation()));
    Errors.single(
        server.graphql(UPDATE, Map.of("i", Map.of("id", id, "idleSeconds", 30)), southManager),
        "FORBIDDEN");
    Errors.single(
        server.graphql(
            UPDATE,
            Map.of("i", Map.of("id", id, "pointId", Ids.point(net.southStation()))),
            northManager),
        "FORBIDDEN");
    JsonObject moved =
        update(centreManager, Map.of("id", id, "pointId", Ids.point(net.southStation())));
    assertEquals(Ids.point(net.southStation()), moved.getJsonObject("point").getString("id"));
    assertEquals(2, moved.getInteger("version"));
    JsonObject bySouth = update(southManager, Map.of("id", id, "orientation", "LANDSCAPE"));
    assertEquals("LANDSCAPE", bySouth.getString("orientation"));
  }

  @Test
  void badUpdatesNameTheFieldAndAnUnknownKioskIsNotFound() {
    String id = newId();
    register(admin, registration(id, net.northStation()));
    assertBad(UPDATE, Map.of("id", id, "radiusMeters", 20), "input.radiusMeters");
    assertBad(UPDATE, Map.of("id", id, "tileUrl", "https://x.cn/tile.png"), "input.tileUrl");
    assertBad(UPDATE, Map.of("id", id, "themeCodes", List.of("NO_SUCH")), "input.themeCodes");
    assertBad(UPDATE, Map.of("id", "no/such"), "input.id");
    Errors.single(
        server.graphql(
            UPDATE, Map.of("i", Map.of("id", "never-registered", "idleSeconds", 30)), admin),
        "NOT_FOUND");
    assertEquals(1, count("SELECT version FROM kiosk WHERE id = ?", id));
  }

  @Test
  void removingAKioskRevokesItsTokensAndOnlyInsideTheSubtree() {
    String id = newId();
    register(northManager, registration(id, net.northStation()));
    String token;
    try (TestData data = new TestData(server.databaseUrl())) {
      token = data.token("KIOSK", null, id, "1 day");
    }
    Errors.single(server.graphql(REMOVE, Map.of("id", id), southManager), "FORBIDDEN");
    assertEquals(1, count("SELECT count(*) FROM kiosk WHERE id = ?", id));
    JsonObject removed =
        server.data(REMOVE, Map.of("id", id), northManager).getJsonObject("removeKiosk");
    assertEquals(id, removed.getString("id"));
    assertEquals(1, removed.getInteger("revokedTokens"));
    assertEquals(0, count("SELECT count(*) FROM kiosk WHERE id = ?", id));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM audit_log WHERE action = 'kiosk.remove' AND target_id = ?", id));
    var refused = server.post("{ viewer { role } }", Map.of(), token);
    assertEquals(401, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("UNAUTHENTICATED"), refused.body());
    Errors.single(server.graphql(REMOVE, Map.of("id", id), northManager), "NOT_FOUND");
  }

  private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
    input.put(key, value);
    return input;
  }
}
