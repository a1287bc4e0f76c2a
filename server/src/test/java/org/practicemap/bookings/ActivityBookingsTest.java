package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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

/** Activity.bookings: staff of the activity's subtree list its bookings in full, nobody else. */
class ActivityBookingsTest {
  static final String LIST =
      "query($id: ID!, $s: [BookingStatus!], $first: Int, $after: String) { activity(id: $id) {"
          + " title bookings(status: $s, first: $first, after: $after) { totalCount"
          + " pageInfo { hasNextPage endCursor } edges { cursor node { code status name phone"
          + " partySize } } } } }";
  static TestServer server;
  static TestData data;
  static Network net;
  static long activity;
  static List<String> codes = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = Bookings.serverWithoutLimits();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    activity = Bookings.activity(data, net, 5, true);
    for (int i = 0; i < 7; i++) {
      codes.add(
          Bookings.booked(server, activity, Bookings.phone(100 + i), 1)
              .getJsonObject("booking")
              .getString("code"));
    }
    Bookings.cancel(server, codes.get(1));
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  private static JsonObject list(String token, Map<String, Object> extra) {
    Map<String, Object> vars = new HashMap<>(extra);
    vars.put("id", Ids.activity(activity));
    return Bookings.graphqlAs(server, token, LIST, vars);
  }

  private static JsonObject bookings(JsonObject response) {
    assertNull(response.getValue("errors"), () -> response.encode());
    return response.getJsonObject("data").getJsonObject("activity").getJsonObject("bookings");
  }

  @Test
  void staffOfTheSubtreeListEveryBookingInOrderWithNamesAndNumbersInFull() {
    JsonObject page = bookings(list(data.token("STAFF", net.north()), Map.of()));
    assertEquals(7, page.getInteger("totalCount"));
    JsonArray edges = page.getJsonArray("edges");
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      listed.add(edges.getJsonObject(i).getJsonObject("node").getString("code"));
    }
    assertEquals(codes, listed);
    JsonObject first = edges.getJsonObject(0).getJsonObject("node");
    assertEquals("李小明", first.getString("name"));
    assertEquals(Bookings.phone(100), first.getString("phone"));
    assertEquals("CANCELLED", edges.getJsonObject(1).getJsonObject("node").getString("status"));
  }

  @Test
  void aManagerAboveAndAnAdminMayListToo() {
    assertEquals(
        7, bookings(list(data.token("MANAGER", net.centre()), Map.of())).getInteger("totalCount"));
    assertEquals(7, bookings(list(data.token("ADMIN", null), Map.of())).getInteger("totalCount"));
  }

  @Test
  void staffOfAnotherPartOfTheNetworkAreForbiddenAndGetNull() {
    JsonObject response = list(data.token("MANAGER", net.south()), Map.of());
    JsonObject error = Errors.single(response, "FORBIDDEN");
    assertEquals(new JsonArray(List.of("activity", "bookings")), error.getJsonArray("path"));
    JsonObject activityData = response.getJsonObject("data").getJsonObject("activity");
    assertNull(activityData.getValue("bookings"));
    assertEquals(true, activityData.containsKey("bookings"));
    assertFalse(response.encode().contains(Bookings.phone(100)));
    assertFalse(response.encode().contains("小明"));
  }

  @Test
  void thePublicAndAKioskAreRefused() {
    JsonObject anonymous = list(null, Map.of());
    Errors.single(anonymous, "UNAUTHENTICATED");
    assertNull(anonymous.getJsonObject("data").getJsonObject("activity").getValue("bookings"));
    JsonObject kiosk = list(data.token("KIOSK", net.north(), "hall-1", "1 day"), Map.of());
    Errors.single(kiosk, "FORBIDDEN");
    assertFalse(kiosk.encode().contains(Bookings.phone(100)));
  }

  @Test
  void pagesOfThreeCoverEveryBookingOnceInOrder() {
    String token = data.token("STAFF", net.northStation());
    List<String> seen = new ArrayList<>();
    String after = null;
    boolean next = true;
    while (next) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("first", 3);
      if (after != null) {
        vars.put("after", after);
      }
      JsonObject page = bookings(list(token, vars));
      page.getJsonArray("edges")
          .forEach(e -> seen.add(((JsonObject) e).getJsonObject("node").getString("code")));
      next = page.getJsonObject("pageInfo").getBoolean("hasNextPage");
      after = page.getJsonObject("pageInfo").getString("endCursor");
      assertTrue(seen.size() <= 7);
    }
    assertEquals(codes, seen);
  }

  @Test
  void theStatusFilterListsAndCountsOnlyThoseStatuses() {
    String token = data.token("STAFF", net.north());
    JsonObject waiting = bookings(list(token, Map.of("s", List.of("WAITLISTED"))));
    // five seats: bookings 0, 2, 3, 4 and the promoted 5 are confirmed, 6 waits
    assertEquals(1, waiting.getInteger("totalCount"));
    assertEquals(
        codes.get(6),
        waiting.getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("code"));
    JsonObject some = bookings(list(token, Map.of("s", List.of("CANCELLED", "CONFIRMED"))));
    assertEquals(6, some.getInteger("totalCount"));
    assertEquals(6, some.getJsonArray("edges").size());
    JsonObject none = bookings(list(token, Map.of("s", List.of())));
    assertEquals(0, none.getInteger("totalCount"));
  }

  @Test
  void badPagingArgumentsAreBadInput() {
    String token = data.token("STAFF", net.north());
    Errors.single(list(token, Map.of("first", 101)), "BAD_USER_INPUT");
    Errors.single(list(token, Map.of("after", "nonsense")), "BAD_USER_INPUT");
    Errors.single(list(token, Map.of("s", List.of("LOST"))), "BAD_USER_INPUT");
  }

  @Test
  void twentyActivitiesWithTheirBookingsAndCountsTakeAFixedFewStatements() {
    OffsetDateTime start = OffsetDateTime.now().plusDays(3).withNano(0);
    long station = data.point(net.north(), "STATION", "批量实践站", 43.7, 122.2, false);
    for (int i = 0; i < 20; i++) {
      long id =
          data.activity(station, "A_THEME", "CLASS", start.plusHours(i), start.plusHours(i + 1), 9);
      for (int j = 0; j < 3; j++) {
        Bookings.booked(server, id, Bookings.phone(1000 + i * 10 + j), 1);
      }
    }
    String query =
        "query($p: ID!) { activities(filter: {pointId: $p}, first: 20) { edges { node { title"
            + " bookings(first: 2) { totalCount edges { node { code name phone } } } } } } }";
    long before = server.server().app().sql().statementCount();
    JsonObject response =
        Bookings.graphqlAs(
            server, data.token("STAFF", net.north()), query, Map.of("p", Ids.point(station)));
    long statements = server.server().app().sql().statementCount() - before;
    assertNull(response.getValue("errors"), response::encode);
    JsonArray edges =
        response.getJsonObject("data").getJsonObject("activities").getJsonArray("edges");
    assertEquals(20, edges.size());
    for (int i = 0; i < 20; i++) {
      JsonObject b = edges.getJsonObject(i).getJsonObject("node").getJsonObject("bookings");
      assertEquals(3, b.getInteger("totalCount"));
      assertEquals(2, b.getJsonArray("edges").size());
      assertFalse(
          b.getJsonArray("edges")
              .getJsonObject(0)
              .getJsonObject("node")
              .getString("phone")
              .contains("*"));
    }
    // token, activities page, point paths, booking pages, booking counts (+ slack for the
    // token cache); one per activity would be over 40
    assertTrue(statements <= 6, "statements: " + statements);
  }

  @Test
  void theCostMultipliesWithThePageSizes() {
    String query =
        "{ activities(first: 50) { edges { node { bookings(first: 50) { edges { node { code }"
            + " } } } } } }";
    JsonObject response = Bookings.graphqlAs(server, data.token("ADMIN", null), query, Map.of());
    JsonObject error = Errors.single(response, "BAD_USER_INPUT");
    assertEquals("MAX_QUERY_COST", error.getJsonObject("extensions").getString("limit"));
    // 1 + 50 edges + 50 nodes + 50 bookings + 2500 edges + 2500 nodes
    assertTrue(
        response.getJsonObject("extensions").getJsonObject("cost").getLong("requestedQueryCost")
            > 2000);
    String small =
        "{ activities(first: 5) { edges { node { bookings(first: 4) { edges { node { code } } }"
            + " } } } }";
    JsonObject ok = Bookings.graphqlAs(server, data.token("ADMIN", null), small, Map.of());
    // 1 + 5 + 5 + 5 (bookings) + 20 + 20
    assertEquals(
        56, ok.getJsonObject("extensions").getJsonObject("cost").getLong("requestedQueryCost"));
  }
}
