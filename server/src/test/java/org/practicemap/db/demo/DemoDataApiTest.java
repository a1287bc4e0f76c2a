package org.practicemap.db.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.LocalZone;
import org.practicemap.testing.TestServer;

/** The demo network as an integrator sees it through the API. */
class DemoDataApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.withDemoData();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theNetworkHasTheArticlesCountsPerLevel() {
    JsonObject data =
        server.data(
            "{ c: points(filter: {level: CENTER}, first: 0) { totalCount }"
                + " i: points(filter: {level: INSTITUTE}, first: 0) { totalCount }"
                + " s: points(filter: {level: STATION}, first: 0) { totalCount }"
                + " b: points(filter: {level: BASE}, first: 0) { totalCount }"
                + " p: points(filter: {level: SERVICE_POINT}, first: 0) { totalCount }"
                + " m: points(filter: {level: MOBILE_POINT}, first: 0) { totalCount }"
                + " map: points(filter: {onMap: true}, first: 0) { totalCount } }");
    assertEquals(
        List.of(1, 21, 442, 13, 6, 30, 37),
        List.of("c", "i", "s", "b", "p", "m", "map").stream()
            .map(k -> data.getJsonObject(k).getInteger("totalCount"))
            .toList());
  }

  @Test
  void eightThemeBoardsIncludingTheFourTheArticleNames() {
    JsonArray themes = server.data("{ themes { code mapPoints { id } } }").getJsonArray("themes");
    assertEquals(8, themes.size());
    List<String> codes = themes.stream().map(t -> ((JsonObject) t).getString("code")).toList();
    assertTrue(
        codes.containsAll(
            List.of("RED_IMPRINT", "INTANGIBLE_HERITAGE", "ECO_CIVILIZATION", "CUSTOMS_REFORM")),
        codes.toString());
    themes.forEach(t -> assertTrue(((JsonObject) t).getJsonArray("mapPoints").size() >= 3));
  }

  @Test
  void aYearAheadOfBookableActivities() {
    int bookable =
        server
            .data(
                "{ activities(filter: {status: SCHEDULED, hasSeats: true}, first: 0) { totalCount } }")
            .getJsonObject("activities")
            .getInteger("totalCount");
    assertTrue(bookable >= 1500, "bookable: " + bookable);
  }

  @Test
  void thisMonthHasATheme() {
    LocalDate today = LocalDate.now(LocalZone.ID);
    JsonArray months =
        server
            .data("{ monthlyThemes(year: " + today.getYear() + ") { month theme { code } } }")
            .getJsonArray("monthlyThemes");
    String thisMonth = today.withDayOfMonth(1).toString();
    assertTrue(
        months.stream().anyMatch(m -> ((JsonObject) m).getString("month").equals(thisMonth)),
        months.encode());
  }

  @Test
  void theCentresKioskAndEveryMobileKioskAreRegistered() {
    JsonObject centre =
        server
            .data("{ kiosk(id: \"demo-centre\") { name point { level } orientation } }")
            .getJsonObject("kiosk");
    assertEquals("CENTER", centre.getJsonObject("point").getString("level"));
    assertEquals("PORTRAIT", centre.getString("orientation"));
    for (int i = 1; i <= 30; i++) {
      String id = String.format("mobile-%02d", i);
      JsonObject kiosk =
          server
              .data(
                  "query($id: ID!) { kiosk(id: $id) { location { lat lng } point { level"
                      + " coordinates { lat lng } currentDeployment { coordinates { lat lng } } } } }",
                  java.util.Map.of("id", id))
              .getJsonObject("kiosk");
      JsonObject point = kiosk.getJsonObject("point");
      assertEquals("MOBILE_POINT", point.getString("level"), id);
      JsonObject deployment = point.getJsonObject("currentDeployment");
      JsonObject expected =
          deployment == null
              ? point.getJsonObject("coordinates")
              : deployment.getJsonObject("coordinates");
      assertEquals(expected, kiosk.getJsonObject("location"), id + " follows its deployment");
    }
  }
}
