package org.practicemap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.LocalZone;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** stats: defaults, empty ranges, labels and the answers to bad arguments. */
class StatsQueryTest {
  static final String STATS =
      "query($scope: ID, $from: Date, $to: Date, $groupBy: [StatsGroupBy!], $max: Int) {"
          + " stats(scope: $scope, from: $from, to: $to, groupBy: $groupBy, maxGroups: $max) {"
          + " activitiesHeld peopleServed bookings noShowRate fillRate from to scope { id }"
          + " groups { by key label en: label(lang: EN) activitiesHeld bookings fillRate"
          + " theme { code } point { id } } } }";
  static TestServer server;
  static TestData data;
  static Network net;
  static LocalDate today = LocalDate.now(LocalZone.ID);

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    OffsetDateTime now = OffsetDateTime.now(LocalZone.ID);
    data.activity(
        net.northStation(), "A_THEME", "LECTURE", now.minusHours(3), now.minusHours(2), 20);
    data.activity(
        net.northStation(), "A_THEME", "CLASS", now.minusHours(3), now.minusHours(2), null);
    data.activity(net.southStation(), null, "CLASS", now.minusHours(3), now.minusHours(2), 10);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void withoutArgumentsTheYearToDateOfTheWholeNetworkIsCounted() {
    JsonObject stats = stats(vars());
    assertEquals(today.withDayOfYear(1).toString(), stats.getString("from"));
    assertEquals(today.toString(), stats.getString("to"));
    assertNull(stats.getValue("scope"));
    assertEquals(3, stats.getInteger("activitiesHeld"));
    assertEquals(0.0, stats.getDouble("fillRate"), 1e-9, "no seat booked of 30");
    assertNull(stats.getValue("noShowRate"), "nobody checked in or missed: no rate, not NaN");
    assertEquals(0, stats.getJsonArray("groups").size());
  }

  @Test
  void aRangeWithoutActivitiesHasZerosAndNullRates() {
    Map<String, Object> vars = vars();
    vars.put("from", "2001-03-01");
    vars.put("to", "2001-05-31");
    vars.put("groupBy", List.of("MONTH", "THEME"));
    JsonObject stats = stats(vars);
    assertEquals(0, stats.getInteger("activitiesHeld"));
    assertNull(stats.getValue("fillRate"));
    assertNull(stats.getValue("noShowRate"));
    JsonArray groups = stats.getJsonArray("groups");
    assertEquals(3, groups.size(), "every month of the range, nothing else: " + groups.encode());
    assertEquals("2001-03", groups.getJsonObject(0).getString("key"));
    assertEquals("2001年3月", groups.getJsonObject(0).getString("label"));
    assertEquals("May 2001", groups.getJsonObject(2).getString("en"));
  }

  @Test
  void groupsCarryKeysLabelsAndTheirThemeOrPoint() {
    Map<String, Object> vars = vars();
    vars.put("scope", Ids.point(net.centre()));
    vars.put("groupBy", List.of("THEME", "POINT", "LEVEL", "CATEGORY"));
    JsonObject stats = stats(vars);
    assertEquals(Ids.point(net.centre()), stats.getJsonObject("scope").getString("id"));
    Map<String, JsonObject> groups = new HashMap<>();
    for (Object o : stats.getJsonArray("groups")) {
      JsonObject g = (JsonObject) o;
      groups.put(g.getString("by") + "/" + g.getString("key"), g);
    }
    assertEquals(2, groups.get("THEME/A_THEME").getInteger("activitiesHeld"));
    assertEquals("A_THEME", groups.get("THEME/A_THEME").getJsonObject("theme").getString("code"));
    assertEquals("未分主题", groups.get("THEME/NONE").getString("label"));
    assertNull(groups.get("THEME/NONE").getValue("theme"));
    JsonObject north = groups.get("POINT/" + Ids.point(net.northStation()));
    assertEquals("北社区实践站", north.getString("label"));
    assertEquals(Ids.point(net.northStation()), north.getJsonObject("point").getString("id"));
    assertEquals(3, groups.get("LEVEL/STATION").getInteger("activitiesHeld"));
    assertEquals("Practice station", groups.get("LEVEL/STATION").getString("en"));
    assertEquals("课堂", groups.get("CATEGORY/CLASS").getString("label"));
    vars.put("max", 1);
    vars.put("groupBy", List.of("POINT"));
    JsonArray top = stats(vars).getJsonArray("groups");
    assertEquals(1, top.size());
    assertEquals(Ids.point(net.northStation()), top.getJsonObject(0).getString("key"));
  }

  @Test
  void badArgumentsAreNamedErrors() {
    assertError(Map.of("from", "2026-05-02", "to", "2026-05-01"), "BAD_USER_INPUT", "from");
    assertError(Map.of("from", "2024-01-01", "to", "2025-01-02"), "BAD_USER_INPUT", "to");
    assertError(Map.of("max", 0), "BAD_USER_INPUT", "maxGroups");
    assertError(Map.of("scope", "not-an-id"), "BAD_USER_INPUT", "scope");
    assertError(Map.of("scope", Ids.activity(1)), "BAD_USER_INPUT", "scope");
    assertError(Map.of("scope", Ids.point(987_654)), "NOT_FOUND", null);
    JsonObject response = server.graphql("{ stats(from: \"2026-13-01\") { bookings } }");
    assertTrue(response.containsKey("errors"));
    JsonObject wrongEnum = server.graphql("{ stats(groupBy: [WEEK]) { bookings } }");
    assertTrue(wrongEnum.containsKey("errors"));
  }

  private static void assertError(Map<String, Object> args, String code, String field) {
    Map<String, Object> vars = vars();
    vars.putAll(args);
    JsonObject error = Errors.single(server.graphql(STATS, vars), code);
    assertTrue(error.getString("message").length() > 10, error.encode());
    if (field != null) {
      assertEquals(field, error.getJsonObject("extensions").getString("field"));
    }
  }

  private static Map<String, Object> vars() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("groupBy", List.of());
    return vars;
  }

  private static JsonObject stats(Map<String, Object> vars) {
    return server.data(STATS, vars).getJsonObject("stats");
  }
}
