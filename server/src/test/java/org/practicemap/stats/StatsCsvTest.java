package org.practicemap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.LocalZone;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** GET /reports/stats.csv: the figures of the stats query, as a spreadsheet opens them. */
class StatsCsvTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static LocalDate today = LocalDate.now(LocalZone.ID);

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    data.update("UPDATE point SET name_zh = '北,\"新\"社区站' WHERE id = ?", net.northStation());
    OffsetDateTime now = OffsetDateTime.now(LocalZone.ID);
    data.activity(
        net.northStation(), "A_THEME", "LECTURE", now.minusHours(3), now.minusHours(2), 20);
    data.activity(
        net.southStation(), "B_THEME", "CLASS", now.minusHours(3), now.minusHours(2), null);
    data.activity(
        net.southStation(), null, "CLASS", now.plusDays(2), now.plusDays(2).plusHours(1), 8);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void theCsvHoldsTheQuerysFiguresRowByRow() {
    String from = today.minusDays(1).withDayOfMonth(1).toString();
    String to = today.plusDays(5).toString();
    HttpResponse<String> response =
        server.get(
            "/reports/stats.csv?from=" + from + "&to=" + to + "&groupBy=THEME,POINT&groupBy=MONTH");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals(
        "attachment; filename=\"practice-map-stats-" + from + "-" + to + ".csv\"",
        response.headers().firstValue("Content-Disposition").orElse(""));
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark for Excel");
    List<List<String>> rows = parse(response.body().substring(1));
    assertEquals(
        List.of(
            "by",
            "key",
            "label",
            "from",
            "to",
            "activitiesHeld",
            "peopleServed",
            "bookings",
            "noShowRate",
            "fillRate"),
        rows.get(0));
    JsonObject stats =
        server
            .data(
                "query($f: Date, $t: Date) { stats(from: $f, to: $t, groupBy: [THEME, POINT, MONTH])"
                    + " { activitiesHeld peopleServed bookings noShowRate fillRate groups { by key"
                    + " label activitiesHeld peopleServed bookings noShowRate fillRate } } }",
                Map.of("f", from, "t", to))
            .getJsonObject("stats");
    JsonArray groups = stats.getJsonArray("groups");
    assertEquals(2 + groups.size(), rows.size(), "header, totals, one row per group");
    assertRow(rows.get(1), "TOTAL", "ALL", stats, from, to);
    for (int i = 0; i < groups.size(); i++) {
      JsonObject g = groups.getJsonObject(i);
      List<String> row = rows.get(2 + i);
      assertRow(row, g.getString("by"), g.getString("key"), g, from, to);
      assertEquals(g.getString("label"), row.get(2));
    }
    assertTrue(
        rows.stream().anyMatch(r -> r.get(2).equals("北,\"新\"社区站")),
        "a name with a comma and quotes comes back whole: " + response.body());
    assertTrue(response.body().contains("\"北,\"\"新\"\"社区站\""), "RFC 4180 quoting");
    assertTrue(response.body().contains("\r\n"), "CRLF line ends");
  }

  @Test
  void aSubtreeInEnglishNamesItsScope() {
    HttpResponse<String> response =
        server.get("/reports/stats.csv?scope=" + Ids.point(net.south()) + "&lang=en&groupBy=theme");
    assertEquals(200, response.statusCode(), response.body());
    List<List<String>> rows = parse(response.body().substring(1));
    assertEquals("Total · EN 南街道实践所", rows.get(1).get(2));
    assertEquals("1", rows.get(1).get(5), "one activity held under the south institute");
    assertTrue(
        response
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("-point" + net.south()));
  }

  @Test
  void badParametersAre400WithAMessage() {
    for (String query :
        List.of(
            "from=2026-02-30",
            "from=2026-05-02&to=2026-05-01",
            "from=2024-01-01&to=2025-06-01",
            "groupBy=THEME,WEEK",
            "scope=nonsense",
            "maxGroups=many",
            "lang=fr")) {
      HttpResponse<String> response = server.get("/reports/stats.csv?" + query);
      assertEquals(400, response.statusCode(), query + ": " + response.body());
      JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
      assertEquals("BAD_USER_INPUT", error.getJsonObject("extensions").getString("code"));
      assertTrue(error.getString("message").length() > 10, error.encode());
    }
    HttpResponse<String> unknown = server.get("/reports/stats.csv?scope=" + Ids.point(424_242));
    assertEquals(404, unknown.statusCode(), unknown.body());
  }

  static void assertRow(
      List<String> row, String by, String key, JsonObject f, String from, String to) {
    assertEquals(by, row.get(0));
    assertEquals(key, row.get(1));
    assertEquals(from, row.get(3));
    assertEquals(to, row.get(4));
    assertEquals(f.getInteger("activitiesHeld").toString(), row.get(5));
    assertEquals(f.getInteger("peopleServed").toString(), row.get(6));
    assertEquals(f.getInteger("bookings").toString(), row.get(7));
    assertRate(f.getDouble("noShowRate"), row.get(8));
    assertRate(f.getDouble("fillRate"), row.get(9));
  }

  static void assertRate(Double api, String csv) {
    if (api == null) {
      assertEquals("", csv);
    } else {
      assertEquals(api, Double.parseDouble(csv), 5e-7);
    }
  }

  /** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
