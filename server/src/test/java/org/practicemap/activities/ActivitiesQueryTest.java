package org.practicemap.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

class ActivitiesQueryTest {
  static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
  static TestServer server;
  static Network net;
  static long past, northClass, southClinic, museumFestival, fullClass, cancelled, market;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      past =
          data.activity(
              net.northStation(),
              "A_THEME",
              "CLASS",
              NOW.minusDays(10),
              NOW.minusDays(10).plusHours(2),
              20);
      northClass =
          data.activity(
              net.northStation(),
              "A_THEME",
              "CLASS",
              NOW.plusDays(1),
              NOW.plusDays(1).plusHours(2),
              20);
      southClinic =
          data.activity(
              net.southStation(),
              "B_THEME",
              "FREE_CLINIC",
              NOW.plusDays(2),
              NOW.plusDays(2).plusHours(3),
              10);
      museumFestival =
          data.activity(
              net.museum(), "A_THEME", "FESTIVAL", NOW.minusHours(1), NOW.plusHours(2), null);
      fullClass =
          data.activity(
              net.north(), "A_THEME", "CLASS", NOW.plusDays(3), NOW.plusDays(3).plusHours(1), 5);
      cancelled =
          data.activity(
              net.south(), "B_THEME", "LECTURE", NOW.plusDays(4), NOW.plusDays(4).plusHours(1), 30);
      market =
          data.activity(
              net.museum(),
              "B_THEME",
              "MARKET",
              NOW.plusDays(5),
              NOW.plusDays(5).plusHours(4),
              null);
      data.update("UPDATE activity SET seats_taken = 5 WHERE id = ?", fullClass);
      data.update("UPDATE activity SET seats_taken = 3 WHERE id = ?", northClass);
      data.update(
          "UPDATE activity SET cancelled_at = now(), cancel_reason = 'Rain' WHERE id = ?",
          cancelled);
      data.update("UPDATE activity SET festival = 'MID_AUTUMN' WHERE id = ?", museumFestival);
      data.update(
          "INSERT INTO stall (activity_id, number, name_zh, name_en, department) VALUES"
              + " (?, 2, '义诊', 'Free clinic', 'HEALTH'), (?, 1, '普法', 'Legal aid', 'JUSTICE')",
          market,
          market);
      for (int i = 0; i < 5; i++) {
        data.activity(
            net.southStation(),
            null,
            "SPORTS",
            NOW.plusDays(30),
            NOW.plusDays(30).plusHours(1),
            10);
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Long> ids(String filter) {
    JsonObject page =
        server
            .data(
                "{ activities(filter: "
                    + filter
                    + ", first: 50) { totalCount edges { node { id } } } }")
            .getJsonObject("activities");
    List<Long> ids = new ArrayList<>();
    page.getJsonArray("edges")
        .forEach(e -> ids.add(decode(((JsonObject) e).getJsonObject("node").getString("id"))));
    assertEquals(ids.size(), page.getInteger("totalCount"));
    return ids;
  }

  private static long decode(String globalId) {
    return org.practicemap.graphql.GlobalId.decodeLong("id", "Activity", globalId);
  }

  /** Everything but the five SPORTS sessions a month ahead, kept for the paging test. */
  static final String NEXT_WEEKS = "to: \"" + NOW.plusDays(20) + "\"";

  @Test
  void listsAllInStartOrder() {
    assertEquals(
        List.of(past, museumFestival, northClass, southClinic, fullClass, cancelled, market),
        ids("{ " + NEXT_WEEKS + " }"));
    assertEquals(12, ids("{}").size());
  }

  @Test
  void filtersByThemeCategoryAndFestival() {
    assertEquals(
        List.of(past, museumFestival, northClass, fullClass), ids("{ themeCode: \"A_THEME\" }"));
    assertEquals(List.of(past, northClass, fullClass), ids("{ category: CLASS }"));
    assertEquals(List.of(museumFestival), ids("{ festival: MID_AUTUMN }"));
  }

  @Test
  void pointFilterTakesTheWholeSubtree() {
    assertEquals(
        List.of(past, northClass, fullClass),
        ids("{ pointId: \"" + Ids.point(net.north()) + "\" }"));
    assertEquals(
        7, ids("{ pointId: \"" + Ids.point(net.centre()) + "\", " + NEXT_WEEKS + " }").size());
  }

  @Test
  void timeRangeKeepsActivitiesThatOverlapIt() {
    String from = NOW.toString();
    String to = NOW.plusDays(2).plusHours(1).toString();
    assertEquals(
        List.of(museumFestival, northClass, southClinic),
        ids("{ from: \"" + from + "\", to: \"" + to + "\" }"));
  }

  @Test
  void hasSeatsAndStatusFilter() {
    assertEquals(
        List.of(past, northClass, southClinic, cancelled),
        ids("{ hasSeats: true, " + NEXT_WEEKS + " }"));
    assertEquals(List.of(museumFestival, fullClass, market), ids("{ hasSeats: false }"));
    assertEquals(List.of(cancelled), ids("{ status: CANCELLED }"));
    assertEquals(List.of(museumFestival), ids("{ status: ONGOING }"));
    assertEquals(List.of(past), ids("{ status: FINISHED }"));
    assertEquals(
        List.of(northClass, southClinic, fullClass, market),
        ids("{ status: SCHEDULED, " + NEXT_WEEKS + " }"));
  }

  @Test
  void activityFieldsDeriveSeatsStatusAndPlace() {
    JsonObject a =
        server
            .data(
                "query($id: ID!) { activity(id: $id) { title(lang: EN) category capacity seatsLeft"
                    + " bookable status theme { code } point { name } coordinates { lat } stalls { number } } }",
                Map.of("id", Ids.activity(northClass)))
            .getJsonObject("activity");
    assertEquals("Activity CLASS", a.getString("title"));
    assertEquals(20, a.getInteger("capacity"));
    assertEquals(17, a.getInteger("seatsLeft"));
    assertTrue(a.getBoolean("bookable"));
    assertEquals("SCHEDULED", a.getString("status"));
    assertEquals("A_THEME", a.getJsonObject("theme").getString("code"));
    assertEquals("北社区实践站", a.getJsonObject("point").getString("name"));
    assertEquals(43.71, a.getJsonObject("coordinates").getDouble("lat"));

    JsonObject open =
        server
            .data(
                "query($id: ID!) { activity(id: $id) { capacity seatsLeft bookable festival } }",
                Map.of("id", Ids.activity(museumFestival)))
            .getJsonObject("activity");
    assertNull(open.getValue("capacity"));
    assertNull(open.getValue("seatsLeft"));
    assertFalse(open.getBoolean("bookable"));
    assertEquals("MID_AUTUMN", open.getString("festival"));

    JsonObject off =
        server
            .data(
                "query($id: ID!) { activity(id: $id) { status cancelReason bookable } }",
                Map.of("id", Ids.activity(cancelled)))
            .getJsonObject("activity");
    assertEquals("CANCELLED", off.getString("status"));
    assertEquals("Rain", off.getString("cancelReason"));
    assertFalse(off.getBoolean("bookable"));
  }

  @Test
  void marketListsItsStallsInOrder() {
    JsonObject a =
        server
            .data(
                "query($id: ID!) { activity(id: $id) { stalls { number name(lang: EN) department } } }",
                Map.of("id", Ids.activity(market)))
            .getJsonObject("activity");
    assertEquals(1, a.getJsonArray("stalls").getJsonObject(0).getInteger("number"));
    assertEquals("Legal aid", a.getJsonArray("stalls").getJsonObject(0).getString("name"));
    assertEquals(2, a.getJsonArray("stalls").size());
  }

  @Test
  void pointAndThemeListTheirActivities() {
    JsonObject data =
        server.data(
            "query($id: ID!) { point(id: $id) { own: activities { totalCount } all: activities(subtree: true) { totalCount }"
                + " soon: activities(subtree: true, from: \""
                + NOW
                + "\") { totalCount } }"
                + " theme(code: \"B_THEME\") { activities { totalCount } } }",
            Map.of("id", Ids.point(net.north())));
    JsonObject point = data.getJsonObject("point");
    assertEquals(1, point.getJsonObject("own").getInteger("totalCount"));
    assertEquals(3, point.getJsonObject("all").getInteger("totalCount"));
    assertEquals(2, point.getJsonObject("soon").getInteger("totalCount"));
    assertEquals(
        3, data.getJsonObject("theme").getJsonObject("activities").getInteger("totalCount"));
  }

  @Test
  void pagesCoverEveryActivityExactlyOnceEvenWithEqualStartTimes() {
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          server
              .data(
                  "query($after: String) { activities(filter: { category: SPORTS }, first: 2, after: $after)"
                      + " { pageInfo { hasNextPage endCursor } edges { node { id } } } }",
                  after == null ? Map.of() : Map.of("after", after))
              .getJsonObject("activities");
      page.getJsonArray("edges")
          .forEach(e -> seen.add(((JsonObject) e).getJsonObject("node").getString("id")));
      after =
          page.getJsonObject("pageInfo").getBoolean("hasNextPage")
              ? page.getJsonObject("pageInfo").getString("endCursor")
              : null;
    } while (after != null);
    assertEquals(5, seen.size());
    assertEquals(5, new HashSet<>(seen).size());
  }

  @Test
  void badFiltersAreBadInput() {
    Errors.single(
        server.graphql(
            "{ activities(filter: { from: \"2026-02-02T00:00:00Z\", to: \"2026-02-01T00:00:00Z\" }) { totalCount } }"),
        "BAD_USER_INPUT");
    Errors.single(
        server.graphql("{ activities(filter: { themeCode: \"NOPE\" }) { totalCount } }"),
        "BAD_USER_INPUT");
    Errors.single(
        server.graphql(
            "{ activities(filter: { pointId: \"" + Ids.point(424242) + "\" }) { totalCount } }"),
        "NOT_FOUND");
    Errors.single(
        server.graphql("{ activities(filter: { pointId: \"x\" }) { totalCount } }"),
        "BAD_USER_INPUT");
    Errors.single(
        server.graphql("{ activities(filter: { category: NOPE }) { totalCount } }"),
        "BAD_USER_INPUT");
    Errors.single(
        server.graphql("{ activities(filter: { from: \"yesterday\" }) { totalCount } }"),
        "BAD_USER_INPUT");
    Errors.single(
        server.graphql("{ activity(id: \"" + Ids.activity(424242) + "\") { id } }"), "NOT_FOUND");
  }
}
