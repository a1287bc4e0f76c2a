package org.practicemap.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** createRoute, updateRoute, deleteRoute: who may, what is checked, what the audit log keeps. */
class RouteMutationsTest {
  static TestServer server;
  static Network net;
  static String centreManager, northManager, staff;

  private static final String CREATE =
      "mutation($input: RouteInput!) { createRoute(input: $input) { id name(lang: EN)"
          + " theme { code } stops { position stayMinutes note point { id } } } }";

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      centreManager = data.token("MANAGER", net.centre());
      northManager = data.token("MANAGER", net.north());
      staff = data.token("STAFF", net.centre());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject as(String token, String query, Map<String, Object> variables) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new JsonObject().put("query", query).put("variables", variables).encode()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = server.send(request);
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  private static Map<String, Object> input(long owner, long... stops) {
    Map<String, Object> input = new HashMap<>();
    input.put("ownerPointId", Ids.point(owner));
    input.put("themeCode", "A_THEME");
    input.put("nameZh", " 北线 ");
    input.put("nameEn", "North line");
    JsonArray list = new JsonArray();
    for (long stop : stops) {
      list.add(new JsonObject().put("pointId", Ids.point(stop)).put("noteZh", "看看"));
    }
    input.put("stops", list.getList());
    return input;
  }

  private static long routes() {
    try (TestData data = new TestData(server.databaseUrl())) {
      return data.queryLong("SELECT count(*) FROM route");
    }
  }

  @Test
  void aManagerCreatesARouteInTheirPartOfTheNetworkAndTheAuditLogKeepsIt() {
    JsonObject created =
        as(
                northManager,
                CREATE,
                Map.of("input", input(net.north(), net.northStation(), net.museum())))
            .getJsonObject("data")
            .getJsonObject("createRoute");
    assertEquals("North line", created.getString("name"));
    assertEquals("A_THEME", created.getJsonObject("theme").getString("code"));
    JsonArray stops = created.getJsonArray("stops");
    assertEquals(2, stops.size());
    assertEquals(
        Ids.point(net.museum()), stops.getJsonObject(1).getJsonObject("point").getString("id"));
    assertEquals(30, stops.getJsonObject(0).getInteger("stayMinutes"));
    assertEquals(
        "北线",
        server
            .data(
                "query($id: ID!) { route(id: $id) { name } }",
                Map.of("id", created.getString("id")))
            .getJsonObject("route")
            .getString("name"),
        "trimmed");
    try (TestData data = new TestData(server.databaseUrl())) {
      assertEquals(
          "route.create MANAGER",
          data.queryString(
              "SELECT action || ' ' || role FROM audit_log WHERE target_id = ?",
              created.getString("id")));
    }
  }

  @Test
  void outsideTheirSubtreeWithoutATokenOrAsStaffItIsRefused() {
    long before = routes();
    Map<String, Object> vars =
        Map.of("input", input(net.centre(), net.northStation(), net.museum()));
    Errors.single(as(northManager, CREATE, vars), "FORBIDDEN");
    Errors.single(as(null, CREATE, vars), "UNAUTHENTICATED");
    Errors.single(as(staff, CREATE, vars), "FORBIDDEN");
    assertEquals(before, routes());
  }

  @Test
  void badRoutesAreBadUserInputNamingTheFieldAndWriteNothing() {
    long before = routes();
    assertBad(input(net.centre(), net.museum()), "input.stops");
    assertBad(input(net.centre(), net.museum(), net.museum()), "input.stops[1].pointId");
    assertBad(input(net.centre(), net.museum(), 999_999), "input.stops[1].pointId");
    assertBad(input(999_998, net.museum(), net.north()), "input.ownerPointId");
    Map<String, Object> blankName = input(net.centre(), net.museum(), net.north());
    blankName.put("nameZh", "   ");
    assertBad(blankName, "input.nameZh");
    Map<String, Object> longName = input(net.centre(), net.museum(), net.north());
    longName.put("nameZh", "长".repeat(201));
    assertBad(longName, "input.nameZh");
    Map<String, Object> badTheme = input(net.centre(), net.museum(), net.north());
    badTheme.put("themeCode", "NOPE");
    assertBad(badTheme, "input.themeCode");
    Map<String, Object> longStay = input(net.centre(), net.museum(), net.north());
    longStay.put(
        "stops",
        List.of(
            Map.of("pointId", Ids.point(net.museum()), "stayMinutes", 481),
            Map.of("pointId", Ids.point(net.north()))));
    assertBad(longStay, "input.stops[0].stayMinutes");
    Map<String, Object> wrongType = input(net.centre(), net.museum(), net.north());
    wrongType.put("ownerPointId", Ids.activity(1));
    assertBad(wrongType, "input.ownerPointId");
    assertEquals(before, routes());
  }

  private static void assertBad(Map<String, Object> input, String field) {
    JsonObject error =
        Errors.single(as(centreManager, CREATE, Map.of("input", input)), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
  }

  @Test
  void updateReplacesTheStopsAndDeleteRemovesTheRouteOnlyWithinScope() {
    String id =
        as(centreManager, CREATE, Map.of("input", input(net.centre(), net.museum(), net.north())))
            .getJsonObject("data")
            .getJsonObject("createRoute")
            .getString("id");
    String update =
        "mutation($id: ID!, $input: RouteInput!) { updateRoute(id: $id, input: $input) {"
            + " stops { point { id } } } }";
    Map<String, Object> changed =
        input(net.centre(), net.south(), net.southStation(), net.museum());
    Errors.single(as(northManager, update, Map.of("id", id, "input", changed)), "FORBIDDEN");
    JsonArray stops =
        as(centreManager, update, Map.of("id", id, "input", changed))
            .getJsonObject("data")
            .getJsonObject("updateRoute")
            .getJsonArray("stops");
    assertEquals(3, stops.size());
    assertEquals(
        Ids.point(net.south()), stops.getJsonObject(0).getJsonObject("point").getString("id"));
    try (TestData data = new TestData(server.databaseUrl())) {
      String before =
          data.queryString(
              "SELECT before::text FROM audit_log WHERE action = 'route.update' AND target_id = ?",
              id);
      assertTrue(before.contains(String.valueOf(net.north())), before);
    }

    String delete = "mutation($id: ID!) { deleteRoute(id: $id) }";
    Errors.single(as(northManager, delete, Map.of("id", id)), "FORBIDDEN");
    assertEquals(
        id,
        as(centreManager, delete, Map.of("id", id)).getJsonObject("data").getString("deleteRoute"));
    JsonObject gone =
        server.graphql("query($id: ID!) { route(id: $id) { name } }", Map.of("id", id));
    Errors.single(gone, "NOT_FOUND");
    assertNull(gone.getJsonObject("data").getValue("route"));
    Errors.single(as(centreManager, delete, Map.of("id", id)), "NOT_FOUND");
    Errors.single(
        as(centreManager, delete, Map.of("id", GlobalId.of("Point", 1))), "BAD_USER_INPUT");
  }

  @Test
  void mutationsAreRefusedOverGet() {
    HttpResponse<String> response =
        server.get(
            "/graphql?query="
                + java.net.URLEncoder.encode(
                    "mutation { deleteRoute(id: \"x\") }",
                    java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(405, response.statusCode());
  }
}
