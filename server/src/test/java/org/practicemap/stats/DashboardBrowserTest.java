package org.practicemap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.practicemap.testing.Browser;
import org.practicemap.testing.Ids;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * /dashboard in real headless Chromium on the demo data: the figures it shows are the API's, for
 * the whole network and for a manager's subtree; English on the switch.
 */
class DashboardBrowserTest {
  static final String STATS =
      "query($scope: ID, $from: Date, $to: Date) { stats(scope: $scope, from: $from, to: $to,"
          + " groupBy: [THEME, MONTH, POINT], maxGroups: 10) { activitiesHeld peopleServed bookings"
          + " noShowRate fillRate groups { by key label activitiesHeld peopleServed } } }";
  static TestServer server;
  static TestData data;
  static LocalDate from;
  static LocalDate to;

  @BeforeAll
  static void start() {
    server = TestServer.withDemoData();
    data = new TestData(server.databaseUrl());
    data.queryLong("SELECT stats_settle()");
    LocalDate anchor =
        LocalDate.parse(
            data.queryString("SELECT value FROM app_meta WHERE key = 'demo_anchor_day'"));
    from = anchor.minusDays(365);
    to = anchor.minusDays(1);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void theDashboardShowsTheApisFiguresForTheDemoYear() {
    JsonObject api = stats(null);
    try (Browser browser = Browser.open(1280, 900)) {
      browser.go(server.url("/dashboard?from=" + from + "&to=" + to));
      waitText(browser, ".tile[data-figure=held] strong", format(api.getInteger("activitiesHeld")));
      assertTiles(browser, api);
      assertEquals("全网", text(browser, ".totals h1"));
      List<String> months = texts(browser, "ol.calendar li.month");
      assertEquals(groups(api, "MONTH").size(), months.size());
      for (int i = 0; i < months.size(); i++) {
        JsonObject month = groups(api, "MONTH").get(i);
        String expected =
            format(month.getInteger("activitiesHeld"))
                + " 场 · "
                + format(month.getInteger("peopleServed"))
                + " 人次";
        assertTrue(months.get(i).contains(expected), months.get(i) + " has " + expected);
      }
      assertEquals(tableRows(groups(api, "POINT")), tableText(browser, ".top-points table tbody"));
      for (JsonObject theme : groups(api, "THEME")) {
        String row = theme.getString("label") + "|" + format(theme.getInteger("activitiesHeld"));
        assertTrue(
            tableText(browser, ".by-theme table tbody").contains(row), row + " in the theme table");
      }
      String csv = (String) browser.js("return document.querySelector('a.csv').href");
      assertTrue(csv.contains("from=" + from) && csv.contains("to=" + to), csv);
      fullPageScreenshot(browser, "dashboard");

      browser.driver().findElement(By.cssSelector("pm-lang-switch button[data-lang=en]")).click();
      waitText(browser, ".tile[data-figure=held] .name", "Activities held");
      waitText(browser, ".totals h1", "Whole network");
      assertEquals(
          String.format(Locale.UK, "%,d", api.getInteger("peopleServed")),
          text(browser, ".tile[data-figure=served] strong"));
    }
  }

  @Test
  void aManagerSeesTheirSubtreeByDefault() {
    long institute =
        data.queryLong(
            "SELECT p.id FROM point p JOIN point s ON s.path <@ p.path JOIN activity a"
                + " ON a.point_id = s.id WHERE p.level = 'INSTITUTE' GROUP BY p.id"
                + " ORDER BY count(*) DESC, p.id LIMIT 1");
    String token = data.token("MANAGER", institute);
    String name = data.queryString("SELECT name_zh FROM point WHERE id = ?", institute);
    JsonObject api = stats(Ids.point(institute));
    try (Browser browser = Browser.open(1280, 900)) {
      browser.go(server.url("/dashboard?lang=zh&from=" + from + "&to=" + to + "#token=" + token));
      waitText(browser, ".totals h1", name);
      waitText(browser, ".tile[data-figure=held] strong", format(api.getInteger("activitiesHeld")));
      assertTiles(browser, api);
      assertEquals("", browser.js("return location.hash"), "the token left the address");
      assertEquals(token, browser.js("return sessionStorage.getItem('pm.dashboardToken')"));
      assertTrue(text(browser, ".signed-in").contains("MANAGER"));
      fullPageScreenshot(browser, "dashboard-manager");
    }
  }

  static void assertTiles(Browser browser, JsonObject api) {
    assertEquals(
        format(api.getInteger("activitiesHeld")), text(browser, ".tile[data-figure=held] strong"));
    assertEquals(
        format(api.getInteger("peopleServed")), text(browser, ".tile[data-figure=served] strong"));
    assertEquals(
        format(api.getInteger("bookings")), text(browser, ".tile[data-figure=bookings] strong"));
    assertEquals(
        percent(api.getDouble("noShowRate")),
        text(browser, ".tile[data-figure=noShowRate] strong"));
    assertEquals(
        percent(api.getDouble("fillRate")), text(browser, ".tile[data-figure=fillRate] strong"));
  }

  static JsonObject stats(String scope) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("scope", scope);
    vars.put("from", from.toString());
    vars.put("to", to.toString());
    return server.data(STATS, vars).getJsonObject("stats");
  }

  static List<JsonObject> groups(JsonObject stats, String by) {
    List<JsonObject> list = new ArrayList<>();
    JsonArray groups = stats.getJsonArray("groups");
    for (int i = 0; i < groups.size(); i++) {
      if (groups.getJsonObject(i).getString("by").equals(by)) {
        list.add(groups.getJsonObject(i));
      }
    }
    return list;
  }

  static String tableRows(List<JsonObject> groups) {
    StringBuilder rows = new StringBuilder();
    for (JsonObject g : groups) {
      rows.append(g.getString("label"))
          .append('|')
          .append(format(g.getInteger("activitiesHeld")))
          .append('|')
          .append(format(g.getInteger("peopleServed")))
          .append('\n');
    }
    return rows.toString();
  }

  /** The rows of a table (closed in its <details>, so read from the DOM), cells joined by |. */
  static String tableText(Browser browser, String css) {
    return (String)
        browser.js(
            "return Array.from(document.querySelectorAll(arguments[0] + ' tr')).map(tr =>"
                + " Array.from(tr.children).map(c => c.textContent).join('|') + '\\n').join('')",
            css);
  }

  static String format(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(Double rate) {
    return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  static String text(Browser browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  static List<String> texts(Browser browser, String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream()
        .map(e -> e.getText())
        .toList();
  }

  static void waitText(Browser browser, String css, String expected) {
    browser.waitFor(
        20,
        d -> {
          try {
            var found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(expected);
          } catch (StaleElementReferenceException e) {
            return false;
          }
        });
  }

  /** The whole page, not only the first screen: the window is made as tall as the page. */
  static void fullPageScreenshot(Browser browser, String name) {
    long height = (Long) browser.js("return document.documentElement.scrollHeight");
    browser.resizeViewport(1280, (int) Math.min(height, 4000));
    browser.saveScreenshot(name);
    browser.resizeViewport(1280, 900);
  }
}
