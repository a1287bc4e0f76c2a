package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * Never oversell, under real concurrency: hundreds of bookings and cancellations at once over HTTP,
 * then the raw rows checked with SQL. Every request must get an answer (no error, no hang).
 */
class BookingConcurrencyTest {
  static final int CALLS = 500;
  static final int SEATS = 30;
  static TestServer server;
  static TestData data;
  static Network net;
  static HttpClient http;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of(
                "DEMO_DATA", "false",
                "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
                "BOOKING_LIMIT_PER_IP_HOUR", "0",
                "RATE_LIMIT_PER_IP_MINUTE", "0"));
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void fiveHundredAtOnceWithAWaitingListConfirmExactlyThirtyAndWaitlistTheRest() {
    long activity = Bookings.activity(data, net, SEATS, true);
    List<JsonObject> answers = all(bookings(activity, 0, CALLS, 1));
    Map<String, Long> statuses = countStatuses(answers);
    assertEquals(Map.of("CONFIRMED", (long) SEATS, "WAITLISTED", (long) (CALLS - SEATS)), statuses);
    assertEquals(0, seatsLeft(activity));
    assertInvariants(activity);
    List<Integer> positions =
        answers.stream()
            .map(
                a -> a.getJsonObject("data").getJsonObject("bookActivity").getJsonObject("booking"))
            .filter(b -> b.getString("status").equals("WAITLISTED"))
            .map(b -> b.getInteger("position"))
            .sorted()
            .toList();
    assertEquals(
        java.util.stream.IntStream.rangeClosed(1, CALLS - SEATS).boxed().toList(), positions);
  }

  @Test
  void fiveHundredAtOnceWithoutAWaitingListConfirmThirtyAndRefuseTheRest() {
    long activity = Bookings.activity(data, net, SEATS, false);
    List<JsonObject> answers = all(bookings(activity, 1000, CALLS, 1));
    assertEquals(SEATS, countStatuses(answers).get("CONFIRMED"));
    long refused =
        answers.stream()
            .filter(a -> a.containsKey("errors"))
            .map(a -> a.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions"))
            .filter(
                e ->
                    e.getString("code").equals("CONFLICT")
                        && e.getString("reason").equals("FULLY_BOOKED"))
            .count();
    assertEquals(CALLS - SEATS, refused);
    assertEquals(0, seatsLeft(activity));
    assertInvariants(activity);
  }

  @Test
  void bookingsAndCancellationsMixedNeverOversellAndTheWaitingListFillsFreedSeats() {
    long activity = Bookings.activity(data, net, SEATS, true);
    List<String> firstCodes =
        all(bookings(activity, 2000, SEATS, 1)).stream().map(BookingConcurrencyTest::code).toList();
    // 500 calls at once, as in the rush above: 480 new bookings of 1–4 people, 20 cancellations.
    List<CompletableFuture<JsonObject>> calls =
        new ArrayList<>(bookings(activity, 3000, CALLS - 20, 0));
    for (int i = 0; i < 20; i++) {
      calls.add(call(Bookings.CANCEL, Map.of("code", firstCodes.get(i))));
    }
    java.util.Collections.shuffle(calls);
    List<JsonObject> answers = all(calls);
    answers.forEach(a -> assertTrue(!a.containsKey("errors"), a.encode()));
    assertEquals(
        20,
        data.queryLong(
            "SELECT count(*) FROM booking WHERE activity_id = ? AND status = 'CANCELLED'",
            activity));
    // Demand exceeds the seats: every freed seat went to the waiting list or a new booking.
    assertEquals(0, seatsLeft(activity));
    assertInvariants(activity);
  }

  @Test
  void mixedPartySizesNeverOversellAndNoWaitlistedPartyFitsTheSeatsLeft() {
    long activity = Bookings.activity(data, net, SEATS + 1, true);
    List<CompletableFuture<JsonObject>> calls = bookings(activity, 4000, 200, 0);
    all(calls).forEach(a -> assertTrue(!a.containsKey("errors"), a.encode()));
    assertInvariants(activity);
    long left = seatsLeft(activity);
    assertEquals(
        0,
        data.queryLong(
            "SELECT count(*) FROM booking WHERE activity_id = ? AND status = 'WAITLISTED'"
                + " AND party_size <= ?",
            activity,
            left),
        "a waitlisted party fits the " + left + " seats left");
  }

  @Test
  void racingCallsWithOneIdempotencyKeyMakeOneBooking() {
    long activity = Bookings.activity(data, net, SEATS, true);
    Map<String, Object> input = Bookings.input(activity, Bookings.phone(5000), 2);
    List<CompletableFuture<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(call(Bookings.BOOK, Map.of("input", input)));
    }
    Set<String> codes =
        all(calls).stream().map(BookingConcurrencyTest::code).collect(Collectors.toSet());
    assertEquals(1, codes.size());
    assertEquals(1, data.queryLong("SELECT count(*) FROM booking WHERE activity_id = ?", activity));
    assertEquals(SEATS - 2, seatsLeft(activity));
    assertInvariants(activity);
  }

  /** {@code count} bookings from distinct phones; party 0 means sizes 1–4 in turn. */
  private static List<CompletableFuture<JsonObject>> bookings(
      long activity, int firstPhone, int count, int party) {
    List<CompletableFuture<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int size = party > 0 ? party : 1 + i % 4;
      calls.add(
          call(
              Bookings.BOOK,
              Map.of("input", Bookings.input(activity, Bookings.phone(firstPhone + i), size))));
    }
    return calls;
  }

  private static CompletableFuture<JsonObject> call(String query, Map<String, Object> variables) {
    Map<String, Object> body = new HashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(new JsonObject(body).encode()))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              assertEquals(200, r.statusCode(), r.body());
              return new JsonObject(r.body());
            });
  }

  private static List<JsonObject> all(List<CompletableFuture<JsonObject>> calls) {
    return calls.stream().map(CompletableFuture::join).toList();
  }

  private static Map<String, Long> countStatuses(List<JsonObject> answers) {
    return answers.stream()
        .filter(a -> !a.containsKey("errors"))
        .map(
            a ->
                a.getJsonObject("data")
                    .getJsonObject("bookActivity")
                    .getJsonObject("booking")
                    .getString("status"))
        .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
  }

  private static String code(JsonObject answer) {
    JsonObject data = answer.getJsonObject("data");
    if (data == null || data.getJsonObject("bookActivity") == null) {
      throw new AssertionError(answer.encode());
    }
    return data.getJsonObject("bookActivity").getJsonObject("booking").getString("code");
  }

  private static long seatsLeft(long activity) {
    return data.queryLong("SELECT capacity - seats_taken FROM activity WHERE id = ?", activity);
  }

  /** The raw rows agree: seats = held party sizes ≤ capacity, no phone twice, no key twice. */
  private static void assertInvariants(long activity) {
    Bookings.assertSeatsMatchBookings(data, activity);
    assertEquals(
        0,
        data.queryLong(
            "SELECT count(*) FROM (SELECT phone FROM booking WHERE activity_id = ? AND status IN"
                + " ('CONFIRMED', 'WAITLISTED', 'CHECKED_IN') GROUP BY phone HAVING count(*) > 1) t",
            activity));
    assertEquals(
        0,
        data.queryLong(
            "SELECT count(*) FROM (SELECT idempotency_key FROM booking WHERE activity_id = ?"
                + " GROUP BY idempotency_key HAVING count(*) > 1) t",
            activity));
  }
}
