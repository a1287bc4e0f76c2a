package org.practicemap.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * The response cache through real servers on one real database: repeated nearby questions are
 * answered from it, and every kind of change in a circle — a booking, a new activity, a moved
 * point, a moved mobile deployment — shows in the next answers within moments, on this replica and
 * on another; changes elsewhere keep the answer; answers that depend on the caller, or hold errors
 * or other fields, are never kept.
 */
class ResponseCacheTest {
  static final String NEARBY =
      "query($at: CoordinatesInput!, $r: Float!) { nearbyActivities(at: $at, radiusMeters: $r,"
          + " first: 20) { edges { distanceMeters node { id title seatsLeft } } } }";
  static final String BOOK =
      "mutation($input: BookActivityInput!) { bookActivity(input: $input) { booking { status } } }";

  /** How long a change may take to show: the feed's round trip is milliseconds. */
  static final long SHOWS_WITHIN_MS = 5_000;

  static String url;
  static TestData data;
  static Network net;
  static TestServer server;
  static TestServer replica;

  @BeforeAll
  static void start() {
    url = TestPostgres.newEmptyDatabase();
    data = new TestData(url);
    net = Network.create(data);
    Map<String, String> env =
        Map.of(
            "RESPONSE_CACHE_SECONDS", "60",
            "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
            "BOOKING_LIMIT_PER_IP_HOUR", "0");
    server = TestServer.start(url, env);
    replica = TestServer.start(url, env);
  }

  @AfterAll
  static void stop() {
    replica.close();
    server.close();
    data.close();
    TestPostgres.drop(url);
  }

  @Test
  void aRepeatedQuestionIsAnsweredFromTheCacheWithTheCallersOwnRateLimit() {
    long activity = activityAt(net.museum(), 30);
    Map<String, Object> around = around(43.63, 122.27, 700);
    HttpResponse<String> first = ask(server, around);
    HttpResponse<String> second = kept(server, around);
    assertEquals("miss", cacheHeader(first));
    assertEquals(json(first).getJsonObject("data"), json(second).getJsonObject("data"));
    assertTrue(ids(json(second)).contains(Ids.activity(activity)));
    JsonObject cost = json(second).getJsonObject("extensions").getJsonObject("cost");
    assertEquals(
        json(first).getJsonObject("extensions").getJsonObject("cost").getLong("maximumQueryCost"),
        cost.getLong("maximumQueryCost"));
    // The throttle status is the caller's, now: a burst of answers from the cache spends it.
    int before = throttle(second).getInteger("currentlyAvailable");
    HttpResponse<String> last = second;
    for (int i = 0; i < 20; i++) {
      last = ask(server, around);
      assertEquals("hit", cacheHeader(last));
    }
    int after = throttle(last).getInteger("currentlyAvailable");
    assertTrue(after < before - 10, before + " → " + after);
    assertEquals(200, second.statusCode());
    assertTrue(second.headers().firstValue("Content-Type").orElse("").contains("json"));
  }

  @Test
  void aBookingShowsInTheNextAnswersOnThisReplicaAndTheOther() {
    long activity = activityAt(net.northStation(), 10);
    Map<String, Object> around = around(43.71, 122.24, 500);
    for (TestServer s : new TestServer[] {server, replica}) {
      kept(s, around);
    }
    JsonObject booked =
        server.data(BOOK, Map.of("input", booking(activity, 3))).getJsonObject("bookActivity");
    assertEquals("CONFIRMED", booked.getJsonObject("booking").getString("status"));
    for (TestServer s : new TestServer[] {server, replica}) {
      JsonObject answer = eventually(s, around, a -> seatsLeft(a, activity) == 7);
      assertEquals(7, seatsLeft(answer, activity));
      // …and the new answer is kept in turn.
      assertEquals(7, seatsLeft(json(kept(s, around)), activity));
    }
  }

  @Test
  void anActivityCreatedInTheCircleAppearsAndOneFarAwayKeepsTheAnswer() {
    Map<String, Object> centre = around(43.62, 122.26, 1_000);
    Map<String, Object> south = around(43.54, 122.28, 1_000);
    kept(server, south);
    kept(server, centre);
    long far = activityAt(net.southStation(), 5);
    // The south answer shows it: the change has been through this replica's feed…
    eventually(server, south, a -> ids(a).contains(Ids.activity(far)));
    // …and the centre's answer, 9 km away, was kept.
    assertEquals("hit", cacheHeader(ask(server, centre)));
    long near = activityAt(net.centre(), 5);
    eventually(server, centre, a -> ids(a).contains(Ids.activity(near)));
  }

  @Test
  void aPointThatMovesAwayTakesItsActivitiesOutOfTheAnswer() {
    long point = data.point(net.centre(), "STATION", "搬家的实践站", 43.66, 122.30, false);
    long activity = activityAt(point, 5);
    Map<String, Object> around = around(43.66, 122.30, 300);
    assertTrue(ids(json(kept(server, around))).contains(Ids.activity(activity)));
    // A question where it is going, asked before it goes: it will be there.
    Map<String, Object> there = around(43.40, 122.10, 300);
    assertFalse(ids(json(kept(server, there))).contains(Ids.activity(activity)));
    data.update("UPDATE point SET lat = 43.40, lng = 122.10 WHERE id = ?", point);
    eventually(server, around, a -> !ids(a).contains(Ids.activity(activity)));
    eventually(server, there, a -> ids(a).contains(Ids.activity(activity)));
  }

  @Test
  void aMobileDeploymentThatMovesTakesItsActivityAlong() {
    long mobile = data.point(net.centre(), "MOBILE_POINT", "流动服务点", 43.50, 122.00, false);
    OffsetDateTime start = OffsetDateTime.now().plusDays(1).withNano(0);
    long deployment =
        data.queryLong(
            "INSERT INTO deployment (point_id, lat, lng, starts_at, ends_at)"
                + " VALUES (?, 43.68, 122.33, now(), now() + interval '3 days') RETURNING id",
            mobile);
    long activity =
        data.queryLong(
            "INSERT INTO activity (point_id, deployment_id, theme_code, category, title_zh,"
                + " starts_at, ends_at, capacity) VALUES (?, ?, 'A_THEME', 'CLASS', '流动义诊',"
                + " ?::timestamptz, ?::timestamptz, 10) RETURNING id",
            mobile,
            deployment,
            start.toString(),
            start.plusHours(2).toString());
    Map<String, Object> around = around(43.68, 122.33, 300);
    assertTrue(ids(json(kept(server, around))).contains(Ids.activity(activity)));
    data.update("UPDATE deployment SET lat = 43.45, lng = 122.45 WHERE id = ?", deployment);
    eventually(server, around, a -> !ids(a).contains(Ids.activity(activity)));
  }

  @Test
  void anEditedThemeBoardShowsAtOnceInAnswersThatNameIt() {
    // Theme boards have no place: an edit drops every kept answer (V9_2).
    activityAt(net.southStation(), 5);
    String withThemes =
        "query($at: CoordinatesInput!, $r: Float!) { nearbyActivities(at: $at, radiusMeters: $r)"
            + " { edges { node { id theme { code name } } } } }";
    Map<String, Object> south = around(43.54, 122.28, 800);
    assertTrue(kept(server, withThemes, south).body().contains("主题A_THEME"));
    data.update("UPDATE theme SET name_zh = '新的名字' WHERE code = 'A_THEME'");
    try {
      long deadline = System.currentTimeMillis() + SHOWS_WITHIN_MS;
      while (!server.post(withThemes, south, null).body().contains("新的名字")) {
        assertTrue(System.currentTimeMillis() < deadline, "the new name did not show");
        sleep(20);
      }
      assertTrue(kept(server, withThemes, south).body().contains("新的名字"));
    } finally {
      data.update("UPDATE theme SET name_zh = '主题A_THEME' WHERE code = 'A_THEME'");
    }
  }

  @Test
  void answersForACallerWithATokenOrWithOtherFieldsOrErrorsAreNotKept() {
    Map<String, Object> around = around(43.62, 122.26, 2_000);
    String token = data.token("ADMIN", null);
    for (int i = 0; i < 2; i++) {
      assertNull(cacheHeader(server.post(NEARBY, around, token)), "a caller with a token");
    }
    String withThemes =
        "query($at: CoordinatesInput!, $r: Float!) { themes { code }"
            + " nearbyActivities(at: $at, radiusMeters: $r) { edges { node { id } } } }";
    String badRadius = NEARBY.replace("$r, first", "-5, first");
    for (int i = 0; i < 2; i++) {
      assertNotEquals("hit", cacheHeader(server.post(withThemes, around, null)), "other fields");
      HttpResponse<String> failed = server.post(badRadius, around, null);
      assertNotEquals("hit", cacheHeader(failed), "an answer with errors");
      assertEquals(
          "BAD_USER_INPUT",
          json(failed)
              .getJsonArray("errors")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"));
    }
    // A mutation is never kept, even one that is sent twice.
    long activity = activityAt(net.museum(), 50);
    Map<String, Object> input = Map.of("input", booking(activity, 1));
    assertNull(cacheHeader(server.post(BOOK, input, null)));
    assertNull(cacheHeader(server.post(BOOK, input, null)));
  }

  @Test
  void aQuestionByGetIsKeptTooAndTheMetricsCountHits() throws Exception {
    String query =
        "{ nearbyPoints(at: {lat: 43.63, lng: 122.27}, radiusMeters: 800)"
            + " { edges { node { id } } } }";
    String path = "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpResponse<String> first = get(server, path);
    assertEquals("miss", cacheHeader(first));
    HttpResponse<String> second = get(server, path);
    for (long deadline = System.currentTimeMillis() + SHOWS_WITHIN_MS;
        !"hit".equals(cacheHeader(second)) && System.currentTimeMillis() < deadline; ) {
      second = get(server, path);
    }
    assertEquals("hit", cacheHeader(second));
    assertEquals(withoutThrottle(first.body()), withoutThrottle(second.body()));
    // A kept answer is sent in the media type each caller asks for.
    HttpResponse<String> asked =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Accept", "application/graphql-response+json")
                .GET());
    assertEquals("hit", cacheHeader(asked));
    assertEquals(
        "application/graphql-response+json",
        asked.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals(
        "application/json", second.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    String metrics = server.get("/metrics").body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(l -> l.startsWith("practicemap_response_cache_total{outcome=\"hit\"")),
        metrics);
  }

  private long activityAt(long point, int capacity) {
    OffsetDateTime start = OffsetDateTime.now().plusDays(1).withNano(0);
    return data.activity(point, "A_THEME", "CLASS", start, start.plusHours(2), capacity);
  }

  private static Map<String, Object> around(double lat, double lng, double radius) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("at", Map.of("lat", lat, "lng", lng));
    variables.put("r", radius);
    return variables;
  }

  private static Map<String, Object> booking(long activity, int party) {
    Map<String, Object> input = new HashMap<>();
    input.put("activityId", Ids.activity(activity));
    input.put("name", "李小明");
    input.put("phone", "13900000001");
    input.put("partySize", party);
    input.put("idempotencyKey", UUID.randomUUID().toString());
    return input;
  }

  private static HttpResponse<String> ask(TestServer s, Map<String, Object> variables) {
    HttpResponse<String> response = s.post(NEARBY, variables, null);
    assertEquals(200, response.statusCode(), response.body());
    return response;
  }

  private static HttpResponse<String> get(TestServer s, String path) {
    return s.send(HttpRequest.newBuilder(URI.create(s.url(path))).GET());
  }

  /**
   * Asks until the answer comes from the cache. The first answer may be refused by the cache, as it
   * should be, when a change from the test's set-up arrives while it is computed.
   */
  private static HttpResponse<String> kept(TestServer s, Map<String, Object> variables) {
    return kept(s, NEARBY, variables);
  }

  private static HttpResponse<String> kept(
      TestServer s, String query, Map<String, Object> variables) {
    long deadline = System.currentTimeMillis() + SHOWS_WITHIN_MS;
    HttpResponse<String> response;
    do {
      response = s.post(query, variables, null);
      assertEquals(200, response.statusCode(), response.body());
      if ("hit".equals(cacheHeader(response))) {
        return response;
      }
      sleep(20);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError("Not answered from the cache within " + SHOWS_WITHIN_MS + " ms");
  }

  /** Asks until the answer passes {@code test}; fails after {@link #SHOWS_WITHIN_MS}. */
  private static JsonObject eventually(
      TestServer s, Map<String, Object> variables, Predicate<JsonObject> test) {
    long deadline = System.currentTimeMillis() + SHOWS_WITHIN_MS;
    JsonObject answer;
    do {
      answer = json(ask(s, variables));
      if (test.test(answer)) {
        return answer;
      }
      sleep(20);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError(
        "The change did not show within " + SHOWS_WITHIN_MS + " ms: " + answer);
  }

  private static String withoutThrottle(String body) {
    return body.replaceAll("\"currentlyAvailable\":\\d+", "");
  }

  private static String cacheHeader(HttpResponse<String> response) {
    return response.headers().firstValue("X-Response-Cache").orElse(null);
  }

  private static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }

  private static JsonObject throttle(HttpResponse<String> response) {
    return json(response)
        .getJsonObject("extensions")
        .getJsonObject("cost")
        .getJsonObject("throttleStatus");
  }

  private static java.util.List<String> ids(JsonObject answer) {
    JsonArray edges =
        answer.getJsonObject("data").getJsonObject("nearbyActivities").getJsonArray("edges");
    return edges.stream().map(e -> ((JsonObject) e).getJsonObject("node").getString("id")).toList();
  }

  private static java.util.List<String> festivals(JsonObject answer) {
    JsonArray edges = answer.getJsonObject("data").getJsonObject("festivals").getJsonArray("edges");
    return edges.stream().map(e -> ((JsonObject) e).getJsonObject("node").getString("id")).toList();
  }

  private static int seatsLeft(JsonObject answer, long activity) {
    JsonArray edges =
        answer.getJsonObject("data").getJsonObject("nearbyActivities").getJsonArray("edges");
    for (Object edge : edges) {
      JsonObject node = ((JsonObject) edge).getJsonObject("node");
      if (node.getString("id").equals(Ids.activity(activity))) {
        return node.getInteger("seatsLeft");
      }
    }
    return -1;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
