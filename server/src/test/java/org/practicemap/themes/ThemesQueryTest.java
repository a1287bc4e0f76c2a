package org.practicemap.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

class ThemesQueryTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      Network.create(data);
      data.update(
          "INSERT INTO monthly_theme (month, theme_code, title_zh, title_en) VALUES"
              + " ('2026-03-01', 'B_THEME', '三月', 'March'),"
              + " ('2026-01-01', 'A_THEME', '一月', 'January'),"
              + " ('2027-01-01', 'A_THEME', '明年', 'Next year')");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void themesComeInDisplayOrderWithTheirMapPoints() {
    JsonArray themes =
        server
            .data("{ themes { code name(lang: EN) color icon mapPoints { name } } }")
            .getJsonArray("themes");
    assertEquals("A_THEME", themes.getJsonObject(0).getString("code"));
    assertEquals("Theme A_THEME", themes.getJsonObject(0).getString("name"));
    assertEquals("#112233", themes.getJsonObject(0).getString("color"));
    assertEquals(
        List.of("通辽博物馆_100%"),
        themes.getJsonObject(0).getJsonArray("mapPoints").stream()
            .map(p -> ((JsonObject) p).getString("name"))
            .toList());
  }

  @Test
  void themeByCodeAndUnknownCode() {
    assertEquals(
        "B_THEME",
        server
            .data("{ theme(code: \"B_THEME\") { code } }")
            .getJsonObject("theme")
            .getString("code"));
    JsonObject unknown = server.graphql("{ theme(code: \"NOPE\") { code } }");
    Errors.single(unknown, "NOT_FOUND");
    assertNull(unknown.getJsonObject("data").getValue("theme"));
  }

  @Test
  void monthlyThemesOfAYearInMonthOrder() {
    JsonArray months =
        server
            .data("{ monthlyThemes(year: 2026) { month title(lang: EN) theme { code } } }")
            .getJsonArray("monthlyThemes");
    assertEquals(2, months.size());
    assertEquals("2026-01-01", months.getJsonObject(0).getString("month"));
    assertEquals("January", months.getJsonObject(0).getString("title"));
    assertEquals("B_THEME", months.getJsonObject(1).getJsonObject("theme").getString("code"));
  }

  @Test
  void yearOutOfRangeIsBadInput() {
    Errors.single(server.graphql("{ monthlyThemes(year: 99999) { month } }"), "BAD_USER_INPUT");
  }
}
