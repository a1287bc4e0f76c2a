package org.practicemap.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

class PointsQueryTest {
  static TestServer server;
  static Network net;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      data.hours(net.museum(), 2, "09:00", "12:00").hours(net.museum(), 2, "14:00", "17:00");
      data.closedOn(net.museum(), "2026-02-17");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> names(JsonObject connection) {
    List<String> names = new ArrayList<>();
    connection
        .getJsonArray("edges")
        .forEach(e -> names.add(((JsonObject) e).getJsonObject("node").getString("name")));
    return names;
  }

  private static JsonObject points(String filter) {
    return server
        .data("{ points(filter: " + filter + ") { totalCount edges { node { name } } } }")
        .getJsonObject("points");
  }

  @Test
  void filtersByLevel() {
    JsonObject result = points("{ level: INSTITUTE }");
    assertEquals(List.of("北街道实践所", "南街道实践所"), names(result));
    assertEquals(2, result.getInteger("totalCount"));
  }

  @Test
  void filtersByThemeBoard() {
    assertEquals(List.of("北社区实践站", "通辽博物馆_100%"), names(points("{ themeCode: \"A_THEME\" }")));
  }

  @Test
  void filtersByParentAndOnMap() {
    String centre = Ids.point(net.centre());
    assertEquals(
        List.of("北街道实践所", "南街道实践所", "通辽博物馆_100%"),
        names(points("{ parentId: \"" + centre + "\" }")));
    assertEquals(List.of("实践中心", "通辽博物馆_100%"), names(points("{ onMap: true }")));
  }

  @Test
  void filtersByTextInAnyLanguageAndTakesWildcardsLiterally() {
    assertEquals(List.of("北社区实践站"), names(points("{ text: \"社区\" }")));
    assertEquals(List.of("南嘎查实践站"), names(points("{ text: \"en 南嘎\" }")));
    assertEquals(List.of("通辽博物馆_100%"), names(points("{ text: \"_100%\" }")));
    assertEquals(List.of(), names(points("{ text: \"%\" , level: STATION }")));
  }

  @Test
  void unknownThemeCodeIsBadInput() {
    JsonObject response =
        server.graphql("{ points(filter: { themeCode: \"NOPE\" }) { totalCount } }");
    JsonObject error = Errors.single(response, "BAD_USER_INPUT");
    assertEquals("filter.themeCode", error.getJsonObject("extensions").getString("field"));
  }

  @Test
  void pointHasParentChildrenAncestorsAndThemes() {
    JsonObject point =
        server
            .data(
                "query($id: ID!) { point(id: $id) { name level onMap parent { name }"
                    + " ancestors { name } themes { code } coordinates { lat lng }"
                    + " children(first: 5) { totalCount } } }",
                Map.of("id", Ids.point(net.northStation())))
            .getJsonObject("point");
    assertEquals("STATION", point.getString("level"));
    assertEquals("北街道实践所", point.getJsonObject("parent").getString("name"));
    assertEquals(
        List.of("实践中心", "北街道实践所"),
        point.getJsonArray("ancestors").stream()
            .map(a -> ((JsonObject) a).getString("name"))
            .toList());
    assertEquals("A_THEME", point.getJsonArray("themes").getJsonObject(0).getString("code"));
    assertEquals(43.71, point.getJsonObject("coordinates").getDouble("lat"));
    assertEquals(0, point.getJsonObject("children").getInteger("totalCount"));

    JsonObject centre =
        server
            .data(
                "query($id: ID!) { point(id: $id) { parent { name } ancestors { name }"
                    + " children(level: INSTITUTE) { edges { node { name } } } } }",
                Map.of("id", Ids.point(net.centre())))
            .getJsonObject("point");
    assertNull(centre.getValue("parent"));
    assertEquals(0, centre.getJsonArray("ancestors").size());
    assertEquals(List.of("北街道实践所", "南街道实践所"), names(centre.getJsonObject("children")));
  }

  @Test
  void textComesInTheAskedLanguageWithChineseForMissingTranslations() {
    JsonObject point =
        server
            .data(
                "query($id: ID!) { point(id: $id) { zh: name en: name(lang: EN) mn: name(lang: MN) } }",
                Map.of("id", Ids.point(net.centre())))
            .getJsonObject("point");
    assertEquals("实践中心", point.getString("zh"));
    assertEquals("EN 实践中心", point.getString("en"));
    assertEquals("实践中心", point.getString("mn"));
  }

  @Test
  void openingHoursAndExceptionsDecideIsOpenAt() {
    String query =
        "query($id: ID!, $t: DateTime!) { point(id: $id) { openingHours { weekday opens closes }"
            + " isOpenAt(time: $t) openingExceptions(from: \"2026-02-01\", to: \"2026-02-28\") { date closed note(lang: EN) } } }";
    // 2026-02-10 is a Tuesday (weekday 2); 2026-02-17 is a Tuesday that is closed.
    JsonObject open = point(query, "2026-02-10T10:00:00+08:00");
    assertEquals(2, open.getJsonArray("openingHours").size());
    assertEquals("09:00:00", open.getJsonArray("openingHours").getJsonObject(0).getString("opens"));
    assertTrue(open.getBoolean("isOpenAt"));
    assertFalse(point(query, "2026-02-10T12:30:00+08:00").getBoolean("isOpenAt"), "lunch break");
    assertFalse(point(query, "2026-02-10T17:00:00+08:00").getBoolean("isOpenAt"), "closing time");
    assertFalse(point(query, "2026-02-11T10:00:00+08:00").getBoolean("isOpenAt"), "Wednesday");
    assertTrue(point(query, "2026-02-10T02:00:00Z").getBoolean("isOpenAt"), "same instant in UTC");
    JsonObject holiday = point(query, "2026-02-17T10:00:00+08:00");
    assertFalse(holiday.getBoolean("isOpenAt"));
    JsonArray exceptions = holiday.getJsonArray("openingExceptions");
    assertEquals("2026-02-17", exceptions.getJsonObject(0).getString("date"));
    assertEquals("Closed", exceptions.getJsonObject(0).getString("note"));
  }

  private static JsonObject point(String query, String time) {
    return server
        .data(query, Map.of("id", Ids.point(net.museum()), "t", time))
        .getJsonObject("point");
  }

  @Test
  void pagesCoverEveryPointExactlyOnce() {
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    while (true) {
      JsonObject page =
          server
              .data(
                  "query($after: String) { points(first: 2, after: $after) { totalCount"
                      + " pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id } } } }",
                  after == null ? Map.of() : Map.of("after", after))
              .getJsonObject("points");
      assertEquals(6, page.getInteger("totalCount"));
      page.getJsonArray("edges")
          .forEach(e -> seen.add(((JsonObject) e).getJsonObject("node").getString("id")));
      JsonObject info = page.getJsonObject("pageInfo");
      assertEquals(after != null, info.getBoolean("hasPreviousPage"));
      pages++;
      if (!info.getBoolean("hasNextPage")) {
        break;
      }
      after = info.getString("endCursor");
    }
    assertEquals(3, pages);
    assertEquals(6, seen.size());
    assertEquals(6, new HashSet<>(seen).size());
  }

  @Test
  void firstZeroGivesOnlyTheCount() {
    JsonObject page =
        server
            .data("{ points(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }")
            .getJsonObject("points");
    assertEquals(0, page.getJsonArray("edges").size());
    assertEquals(6, page.getInteger("totalCount"));
    assertTrue(page.getJsonObject("pageInfo").getBoolean("hasNextPage"));
  }

  @Test
  void firstOutsideZeroToHundredIsBadInput() {
    Errors.single(server.graphql("{ points(first: 101) { totalCount } }"), "BAD_USER_INPUT");
    Errors.single(server.graphql("{ points(first: -1) { totalCount } }"), "BAD_USER_INPUT");
  }

  @Test
  void malformedCursorIsBadInput() {
    JsonObject error =
        Errors.single(
            server.graphql("{ points(after: \"garbage\") { totalCount } }"), "BAD_USER_INPUT");
    assertTrue(error.getString("message").contains("not a cursor"));
  }

  @Test
  void idsRoundTripThroughNode() {
    JsonObject data =
        server.data(
            "query($id: ID!) { point(id: $id) { id } themes { id code } }",
            Map.of("id", Ids.point(net.museum())));
    String pointId = data.getJsonObject("point").getString("id");
    String themeId = data.getJsonArray("themes").getJsonObject(0).getString("id");
    JsonObject nodes =
        server.data(
            "query($p: ID!, $t: ID!) { p: node(id: $p) { id ... on Point { name } }"
                + " t: node(id: $t) { ... on Theme { code } } }",
            Map.of("p", pointId, "t", themeId));
    assertEquals(pointId, nodes.getJsonObject("p").getString("id"));
    assertEquals("通辽博物馆_100%", nodes.getJsonObject("p").getString("name"));
    assertEquals("A_THEME", nodes.getJsonObject("t").getString("code"));
  }

  @Test
  void unknownAndMalformedIdsAreNotFoundAndBadInput() {
    JsonObject unknown = server.graphql("{ point(id: \"" + Ids.point(999_999) + "\") { id } }");
    Errors.single(unknown, "NOT_FOUND");
    assertNull(unknown.getJsonObject("data").getValue("point"));
    Errors.single(server.graphql("{ point(id: \"not-an-id\") { id } }"), "BAD_USER_INPUT");
    Errors.single(
        server.graphql("{ node(id: \"" + Ids.point(999_999) + "\") { id } }"), "NOT_FOUND");
    Errors.single(server.graphql("{ node(id: \"WFl6OjE\") { id } }"), "BAD_USER_INPUT");
    Errors.single(
        server.graphql("{ point(id: \"" + Ids.activity(1) + "\") { id } }"), "BAD_USER_INPUT");
  }

  @Test
  void anUnknownParentInTheFilterIsNotFoundAsInTheActivitiesFilter() {
    JsonObject unknown =
        server.graphql(
            "{ points(filter: {parentId: \""
                + Ids.point(999_999)
                + "\"}, first: 5) { totalCount } }");
    Errors.single(unknown, "NOT_FOUND");
    JsonObject wrongType =
        Errors.single(
            server.graphql(
                "{ points(filter: {parentId: \""
                    + Ids.activity(1)
                    + "\"}, first: 5) { totalCount } }"),
            "BAD_USER_INPUT");
    assertEquals("filter.parentId", wrongType.getJsonObject("extensions").getString("field"));
    assertTrue(
        wrongType.getString("message").contains("names an Activity, but this takes Point IDs"),
        wrongType.getString("message"));
  }
}
