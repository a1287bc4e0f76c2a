package org.practicemap.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** "One month, one theme" is set by the centre's manager or an ADMIN, for the whole network. */
class MonthlyThemeMutationsTest {
  static TestServer server;
  static TestData data;
  static String centreManager, northManager, admin;

  static final String SET =
      "mutation($input: MonthlyThemeInput!) { setMonthlyTheme(input: $input) {"
          + " monthlyTheme { month title(lang: EN) theme { code } } } }";
  static final String REMOVE =
      "mutation($m: Date!) { removeMonthlyTheme(month: $m) { month removed } }";

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    Network net = Network.create(data);
    centreManager = data.token("MANAGER", net.centre());
    northManager = data.token("MANAGER", net.north());
    admin = data.token("ADMIN", null);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static Map<String, Object> march(String theme) {
    return Map.of(
        "month",
        "2027-03-01",
        "themeCode",
        theme,
        "title",
        Map.of("zh", "学雷锋月", "en", "Learn from Lei Feng"));
  }

  @Test
  void theCentresManagerSetsReplacesAndRemovesAMonthsTheme() {
    JsonObject set =
        server
            .data(SET, Map.of("input", march("A_THEME")), centreManager)
            .getJsonObject("setMonthlyTheme");
    assertEquals("Learn from Lei Feng", set.getJsonObject("monthlyTheme").getString("title"));
    server.data(SET, Map.of("input", march("B_THEME")), admin);
    assertEquals(
        "B_THEME",
        server
            .data("{ monthlyThemes(year: 2027) { theme { code } } }")
            .getJsonArray("monthlyThemes")
            .getJsonObject(0)
            .getJsonObject("theme")
            .getString("code"));
    assertEquals(
        true,
        server
            .data(REMOVE, Map.of("m", "2027-03-01"), centreManager)
            .getJsonObject("removeMonthlyTheme")
            .getBoolean("removed"));
    assertEquals(
        false,
        server
            .data(REMOVE, Map.of("m", "2027-03-01"), centreManager)
            .getJsonObject("removeMonthlyTheme")
            .getBoolean("removed"));
    assertEquals(
        3, data.queryLong("SELECT count(*) FROM audit_log WHERE target_type = 'MonthlyTheme'"));
  }

  @Test
  void aManagerOfAnInstituteCannotSetTheNetworksTheme() {
    Errors.single(
        server.graphql(SET, Map.of("input", march("A_THEME")), northManager), "FORBIDDEN");
    Errors.single(server.graphql(REMOVE, Map.of("m", "2027-03-01"), northManager), "FORBIDDEN");
    Errors.single(server.graphql(SET, Map.of("input", march("A_THEME")), null), "UNAUTHENTICATED");
  }

  @Test
  void badMonthsAndThemesNameTheField() {
    JsonObject midMonth =
        new JsonObject(new java.util.HashMap<>(march("A_THEME"))).put("month", "2027-03-15");
    assertEquals("input.month", field(server.graphql(SET, Map.of("input", midMonth), admin)));
    assertEquals(
        "input.themeCode", field(server.graphql(SET, Map.of("input", march("NOPE")), admin)));
    JsonObject noTitle =
        new JsonObject(new java.util.HashMap<>(march("A_THEME"))).put("title", Map.of("zh", ""));
    assertEquals("input.title.zh", field(server.graphql(SET, Map.of("input", noTitle), admin)));
    assertEquals("month", field(server.graphql(REMOVE, Map.of("m", "2027-03-02"), admin)));
  }

  private static String field(JsonObject response) {
    return Errors.single(response, "BAD_USER_INPUT").getJsonObject("extensions").getString("field");
  }
}
