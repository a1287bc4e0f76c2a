package org.practicemap.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * /ics/points/{id}.ics and /ics/themes/{code}.ics: valid RFC 5545, cheap to poll, bad input 4xx.
 */
class CalendarFeedTest {
  /** Within the feeds' window (180 days ahead): 30 days from now at 09:30 Shanghai time. */
  static final OffsetDateTime START =
      java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
          .plusDays(30)
          .atTime(9, 30)
          .atOffset(java.time.ZoneOffset.ofHours(8));

  static final String DAY = START.toLocalDate().toString().replace("-", "");
  static TestServer server;
  static Network net;
  static long stationClass;
  static long instituteTalk;
  static long cancelled;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newEmptyDatabase();
    try (TestData data = new TestData(url)) {
      net = Network.create(data);
      stationClass =
          data.activity(net.northStation(), "A_THEME", "CLASS", START, START.plusHours(2), 20);
      data.update(
          "UPDATE activity SET title_zh = '剪纸课：窗花, 福字; 还有\\反斜杠', title_en = 'Paper-cutting',"
              + " description_zh = ? WHERE id = ?",
          "第一行\n第二行，" + "长".repeat(60),
          stationClass);
      data.update("UPDATE point SET address_zh = '科尔沁区建国路1号, 二楼' WHERE id = ?", net.northStation());
      instituteTalk =
          data.activity(
              net.north(),
              "B_THEME",
              "LECTURE",
              START.plusDays(1),
              START.plusDays(1).plusHours(1),
              null);
      cancelled =
          data.activity(
              net.southStation(),
              "A_THEME",
              "CLASS",
              START.plusDays(2),
              START.plusDays(2).plusHours(1),
              5);
      data.update(
          "UPDATE activity SET cancelled_at = now(), cancel_reason = '大雪' WHERE id = ?", cancelled);
      long past =
          data.activity(
              net.northStation(),
              "A_THEME",
              "CLASS",
              OffsetDateTime.now().minusDays(30),
              OffsetDateTime.now().minusDays(30).plusHours(1),
              null);
      assertTrue(past > 0);
    }
    server = TestServer.start(url, Map.of("PUBLIC_BASE_URL", "https://map.example.cn"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pointFeedIsValidIcalendarInShanghaiTimeWithLocationAndGeo() {
    HttpResponse<String> response =
        server.get("/ics/points/" + Ids.point(net.northStation()) + ".ics");
    assertEquals(200, response.statusCode());
    assertEquals(
        "text/calendar; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    Rfc5545.Component cal = Rfc5545.parse(response.body());
    assertEquals("Asia/Shanghai", cal.all("VTIMEZONE").get(0).one("TZID").value());
    Rfc5545.Component standard = cal.all("VTIMEZONE").get(0).all("STANDARD").get(0);
    assertEquals("+0800", standard.one("TZOFFSETTO").value());
    assertEquals("PT1H", cal.one("REFRESH-INTERVAL").value());
    assertEquals("北社区实践站", Rfc5545.text(cal.one("X-WR-CALNAME").value()));

    List<Rfc5545.Component> events = cal.all("VEVENT");
    assertEquals(1, events.size(), "its own activity only, not last month's");
    Rfc5545.Component event = events.get(0);
    assertEquals("activity-" + stationClass + "@map.example.cn", event.one("UID").value());
    Rfc5545.Property start = event.one("DTSTART");
    assertEquals("Asia/Shanghai", start.params().get("TZID"));
    assertEquals(DAY + "T093000", start.value());
    assertEquals(DAY + "T113000", event.one("DTEND").value());
    assertEquals("剪纸课：窗花, 福字; 还有\\反斜杠", Rfc5545.text(event.one("SUMMARY").value()));
    assertEquals("北社区实践站, 科尔沁区建国路1号, 二楼", Rfc5545.text(event.one("LOCATION").value()));
    assertEquals("43.71;122.24", event.one("GEO").value());
    assertEquals("CONFIRMED", event.one("STATUS").value());
    String description = Rfc5545.text(event.one("DESCRIPTION").value());
    assertTrue(description.startsWith("第一行\n第二行，长长"), description);
    assertTrue(
        description.endsWith("https://map.example.cn/b/" + Ids.activity(stationClass)),
        description);
    assertEquals(
        "https://map.example.cn/b/" + Ids.activity(stationClass), event.one("URL").value());
  }

  @Test
  void subtreeFeedHoldsEverythingBelowAndCancelledActivitiesAreMarked() {
    String path = "/ics/points/" + Ids.point(net.centre()) + ".ics";
    assertEquals(0, Rfc5545.parse(server.get(path).body()).all("VEVENT").size());
    Rfc5545.Component cal = Rfc5545.parse(server.get(path + "?subtree=true&lang=en").body());
    Map<String, Rfc5545.Component> byUid =
        cal.all("VEVENT").stream().collect(Collectors.toMap(e -> e.one("UID").value(), e -> e));
    assertEquals(
        Set.of(
            "activity-" + stationClass + "@map.example.cn",
            "activity-" + instituteTalk + "@map.example.cn",
            "activity-" + cancelled + "@map.example.cn"),
        byUid.keySet());
    Rfc5545.Component off = byUid.get("activity-" + cancelled + "@map.example.cn");
    assertEquals("CANCELLED", off.one("STATUS").value());
    assertTrue(Rfc5545.text(off.one("SUMMARY").value()).startsWith("[Cancelled] "));
    assertTrue(Rfc5545.text(off.one("DESCRIPTION").value()).startsWith("Cancelled: 大雪"));
    assertEquals(
        "Paper-cutting",
        Rfc5545.text(
            byUid.get("activity-" + stationClass + "@map.example.cn").one("SUMMARY").value()));
  }

  @Test
  void themeFeedHoldsTheBoardsActivities() {
    HttpResponse<String> response = server.get("/ics/themes/B_THEME.ics");
    assertEquals(200, response.statusCode());
    List<Rfc5545.Component> events = Rfc5545.parse(response.body()).all("VEVENT");
    assertEquals(1, events.size());
    assertEquals("activity-" + instituteTalk + "@map.example.cn", events.get(0).one("UID").value());
  }

  @Test
  void pollingWithTheEtagOrTheDateGets304UntilSomethingChanges() {
    String path = "/ics/themes/A_THEME.ics";
    HttpResponse<String> first = server.get(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertTrue(
        lastModified.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
        lastModified);
    assertEquals(first.body(), server.get(path).body(), "the same data gives the same bytes");
    assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age="));

    HttpResponse<String> byTag = get(path, "If-None-Match", etag);
    assertEquals(304, byTag.statusCode());
    assertEquals("", byTag.body());
    assertEquals(etag, byTag.headers().firstValue("ETag").orElse(""));
    assertEquals(304, get(path, "If-Modified-Since", lastModified).statusCode());
    assertEquals(200, get(path, "If-None-Match", "\"something-else\"").statusCode());

    try (TestData data = new TestData(server.databaseUrl())) {
      data.update("UPDATE activity SET title_zh = '剪纸课（改期）' WHERE id = ?", cancelled);
    }
    HttpResponse<String> changed = get(path, "If-None-Match", etag);
    assertEquals(200, changed.statusCode());
    assertFalse(etag.equals(changed.headers().firstValue("ETag").orElse("")));
    assertTrue(changed.body().contains("SUMMARY:【已取消】剪纸课（改期）"), changed.body());
    assertTrue(changed.body().contains("SEQUENCE:2"), "an edit raises SEQUENCE");
  }

  @Test
  void badRequestsAre4xxWithABody() {
    assertError(server.get("/ics/points/nope.ics"), 400, "BAD_USER_INPUT");
    assertError(
        server.get("/ics/points/" + Ids.activity(stationClass) + ".ics"), 400, "BAD_USER_INPUT");
    assertError(server.get("/ics/points/" + Ids.point(999999) + ".ics"), 404, "NOT_FOUND");
    assertError(
        server.get("/ics/points/" + Ids.point(net.north()) + ".ics?subtree=yes"),
        400,
        "BAD_USER_INPUT");
    assertError(
        server.get("/ics/points/" + Ids.point(net.north()) + ".ics?lang=fr"),
        400,
        "BAD_USER_INPUT");
    assertError(server.get("/ics/points/" + Ids.point(net.north()) + ".json"), 404, "NOT_FOUND");
    assertError(server.get("/ics/themes/NO_SUCH.ics"), 404, "NOT_FOUND");
    assertError(server.get("/ics/themes/lower.ics"), 404, "NOT_FOUND");
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
    assertEquals(code, error.getJsonObject("extensions").getString("code"));
    assertFalse(error.getString("message").isBlank());
  }

  private static HttpResponse<String> get(String path, String header, String value) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path))).header(header, value).GET());
  }
}
