package org.practicemap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.RawWebSocket;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;
import org.practicemap.testing.WsClient;

/** {@code /metrics} in Prometheus format behind its token, and the three health endpoints. */
class MetricsAndHealthTest {
  static final String TOKEN = "metrics-token-0123456789abcdefghijklmnop";
  static final String BOOK =
      "mutation BookActivity($input: BookActivityInput!) { bookActivity(input: $input) {"
          + " booking { code status } } }";
  static TestServer server;
  static TestData data;
  static Network net;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of("METRICS_TOKEN", TOKEN, "BOOKING_LIMIT_PER_IP_HOUR", "0"));
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
    TestPostgres.drop(server.databaseUrl());
  }

  @Test
  void healthKeepsItsShapeAndLivenessAndReadinessAnswerBesideIt() {
    assertEquals(
        new JsonObject().put("status", "UP").put("database", "UP"),
        new JsonObject(server.get("/health").body()));
    HttpResponse<String> live = server.get("/health/live");
    assertEquals(200, live.statusCode());
    assertEquals(new JsonObject().put("status", "UP"), new JsonObject(live.body()));
    HttpResponse<String> ready = server.get("/health/ready");
    assertEquals(200, ready.statusCode());
    assertEquals(
        new JsonObject().put("status", "UP").put("database", "UP").put("draining", false),
        new JsonObject(ready.body()));
  }

  @Test
  void metricsNeedTheTokenWhenOneIsSet() {
    HttpResponse<String> refused = metrics(null);
    assertEquals(401, refused.statusCode());
    assertEquals(
        "UNAUTHENTICATED",
        new JsonObject(refused.body())
            .getJsonArray("errors")
            .getJsonObject(0)
            .getJsonObject("extensions")
            .getString("code"),
        "the same error shape as every other route");
    assertEquals(401, metrics("not-the-token").statusCode());
    HttpResponse<String> scraped = metrics(TOKEN);
    assertEquals(200, scraped.statusCode());
    assertTrue(
        scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        scraped.headers().toString());
  }

  @Test
  void metricsCountRequestsPoolsOperationsWebSocketsAndBookingsWithBoundedLabels() {
    server.data("query NetworkCounts { points(first: 0) { totalCount } }");
    server.data("query MadeUpName12345 { points(first: 0) { totalCount } }");
    long open = activity(1, true);
    long full = activity(1, false);
    WsClient subscriber = WsClient.connect(server).init();
    subscriber.subscribe(
        "seats",
        "subscription { activityChanged(id: \""
            + Ids.activity(open)
            + "\") { activity { seatsLeft } } }");
    TestSubscriptions.awaitFollowers(server, 1);
    String code = book(open).getString("code");
    TestSubscriptions.until(
        subscriber,
        "seats",
        "activityChanged",
        e -> e.getJsonObject("activity").getInteger("seatsLeft") == 0);
    assertEquals("WAITLISTED", book(open).getString("status"));
    book(full);
    assertTrue(bookAnswer(full).containsKey("errors"));
    server.data(
        "mutation($c: String!) { cancelBooking(code: $c) { booking { status } } }",
        Map.of("c", code));
    assertEquals(404, server.get("/kiosk/path-q7x9z").statusCode());
    try (WsClient ws = WsClient.connect(server).init()) {
      String text = metrics(TOKEN).body();
      assertTrue(value(text, "practicemap_graphql_websockets", "") >= 1, "WebSocket gauge");
      assertTrue(
          value(text, "vertx_http_server_requests_total", "route=\"/graphql>/graphql\"") >= 5,
          "HTTP");
      assertTrue(text.contains("vertx_pool_"), "pool metrics");
      assertTrue(
          text.contains("namespace=\"practice-map\""), "the request pool's statements: " + text);
      assertTrue(
          text.contains("namespace=\"practice-map-webhooks\""),
          "the webhook worker's statements, apart from the requests'");
      assertTrue(text.contains("namespace=\"practice-map-listen\""), "the LISTEN connection");
      assertTrue(value(text, "jvm_memory_used_bytes", "") > 0, "JVM metrics");
      assertEquals(
          1,
          value(
              text,
              "practicemap_graphql_operations_seconds_count",
              "operation=\"NetworkCounts\",outcome=\"ok\",type=\"query\""));
      assertTrue(
          value(
                  text,
                  "practicemap_graphql_operations_seconds_count",
                  "operation=\"anonymous\",outcome=\"ok\",type=\"query\"")
              >= 1);
      assertFalse(text.contains("MadeUpName12345"), "a client's operation name became a label");
      assertFalse(text.contains("path-q7x9z"), "a path became a label");
      assertFalse(text.contains(code), "a ticket code became a label");
      assertEquals(
          1,
          value(
              text,
              "practicemap_graphql_operations_seconds_count",
              "operation=\"BookActivity\",outcome=\"CONFLICT\",type=\"mutation\""));
      // Timed once when it started, not again for each event it delivered.
      assertEquals(
          1,
          value(
              text,
              "practicemap_graphql_operations_seconds_count",
              "operation=\"anonymous\",outcome=\"ok\",type=\"subscription\""));
      assertEquals(1, value(text, "practicemap_live_subscriptions", ""));
      assertEquals(2, value(text, "practicemap_bookings_total", "outcome=\"confirmed\""));
      assertEquals(1, value(text, "practicemap_bookings_total", "outcome=\"waitlisted\""));
      assertEquals(1, value(text, "practicemap_bookings_total", "outcome=\"refused\""));
      assertEquals(1, value(text, "practicemap_bookings_total", "outcome=\"cancelled\""));
    } finally {
      subscriber.close();
    }
  }

  @Test
  void aStoppingServerIsNotReadyRefusesNewWebSocketsAndIsStillAlive() {
    try (TestServer stopping = TestServer.empty()) {
      stopping.server().app().lifecycle().startDraining();
      HttpResponse<String> ready = stopping.get("/health/ready");
      assertEquals(503, ready.statusCode());
      assertEquals(true, new JsonObject(ready.body()).getBoolean("draining"));
      assertEquals(200, stopping.get("/health/live").statusCode());
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () -> new RawWebSocket(stopping.port(), "graphql-transport-ws").close());
      assertTrue(refused.getMessage().contains(" 503 "), refused.getMessage());
    }
  }

  private static HttpResponse<String> metrics(String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return server.send(request);
  }

  /** The value of the sample of {@code name} whose labels contain {@code labels}, or -1. */
  static double value(String text, String name, String labels) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
            .matcher(text);
    double sum = -1;
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      if (found.contains(labels)) {
        sum = Math.max(sum, 0) + Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }

  private static long activity(int capacity, boolean waitlist) {
    OffsetDateTime start = OffsetDateTime.now().plusDays(1).withNano(0);
    long id =
        data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), capacity);
    data.update("UPDATE activity SET has_waitlist = ? WHERE id = ?", waitlist, id);
    return id;
  }

  private static int phones = 0;

  private static JsonObject bookAnswer(long activity) {
    Map<String, Object> input = new HashMap<>();
    input.put("activityId", Ids.activity(activity));
    input.put("name", "李小明");
    input.put("phone", String.format("139%08d", ++phones));
    input.put("partySize", 1);
    input.put("idempotencyKey", UUID.randomUUID().toString());
    return server.graphql(BOOK, Map.of("input", input));
  }

  private static JsonObject book(long activity) {
    JsonObject answer = bookAnswer(activity);
    assertFalse(answer.containsKey("errors"), answer.encode());
    return answer.getJsonObject("data").getJsonObject("bookActivity").getJsonObject("booking");
  }
}
