package org.practicemap.bookings;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** A small GraphQL client for the booking API, and activities to book, for tests. */
final class Bookings {
  static final String BOOK =
      "mutation($input: BookActivityInput!) { bookActivity(input: $input) {"
          + " booking { code status position partySize name phone source }"
          + " activity { seatsLeft } replayed } }";
  static final String CANCEL =
      "mutation($code: String!) { cancelBooking(code: $code) {"
          + " booking { code status } activity { seatsLeft } promoted } }";
  static final String CHECK_IN =
      "mutation($a: ID!, $code: String!) { checkIn(activityId: $a, code: $code) {"
          + " outcome admitted message checkedInAt en: message(lang: EN)"
          + " booking { code status name phone activity { id } } } }";

  private Bookings() {}

  /** A server on a fresh empty database, booking limits off (tests book many times). */
  static TestServer serverWithoutLimits() {
    return TestServer.start(
        org.practicemap.testing.TestPostgres.newEmptyDatabase(),
        Map.of(
            "DEMO_DATA", "false",
            "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
            "BOOKING_LIMIT_PER_IP_HOUR", "0"));
  }

  /** An activity at the north station that starts tomorrow and lasts two hours. */
  static long activity(TestData data, Network net, Integer capacity, boolean waitlist) {
    OffsetDateTime start = OffsetDateTime.now().plusDays(1).withNano(0);
    long id =
        data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), capacity);
    data.update("UPDATE activity SET has_waitlist = ? WHERE id = ?", waitlist, id);
    return id;
  }

  /** An activity starting in an hour: its door is open (check-in from 2 h before the start). */
  static long atTheDoor(TestData data, Network net, Integer capacity, boolean waitlist) {
    OffsetDateTime start = OffsetDateTime.now().plusHours(1).withNano(0);
    long id =
        data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), capacity);
    data.update("UPDATE activity SET has_waitlist = ? WHERE id = ?", waitlist, id);
    return id;
  }

  static Map<String, Object> input(long activityId, String phone, int party) {
    Map<String, Object> input = new HashMap<>();
    input.put("activityId", Ids.activity(activityId));
    input.put("name", "李小明");
    input.put("phone", phone);
    input.put("partySize", party);
    input.put("idempotencyKey", UUID.randomUUID().toString());
    return input;
  }

  static JsonObject book(TestServer server, Map<String, Object> input) {
    return server.graphql(BOOK, Map.of("input", input));
  }

  /** Books and returns the payload, failing on any error. */
  static JsonObject booked(TestServer server, long activityId, String phone, int party) {
    return server
        .data(BOOK, Map.of("input", input(activityId, phone, party)))
        .getJsonObject("bookActivity");
  }

  static JsonObject cancel(TestServer server, String code) {
    return server.graphql(CANCEL, Map.of("code", code));
  }

  static JsonObject checkIn(TestServer server, String token, long activityId, String code) {
    return graphqlAs(server, token, CHECK_IN, Map.of("a", Ids.activity(activityId), "code", code));
  }

  /** A GraphQL call with a bearer token (null: none). */
  static JsonObject graphqlAs(
      TestServer server, String token, String query, Map<String, Object> variables) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new JsonObject().put("query", query).put("variables", variables).encode()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return new JsonObject(server.send(request).body());
  }

  /** Seats taken = the party sizes of CONFIRMED and CHECKED_IN bookings, and within capacity. */
  static void assertSeatsMatchBookings(TestData data, long activity) {
    long held =
        data.queryLong(
            "SELECT coalesce(sum(party_size), 0) FROM booking WHERE activity_id = ?"
                + " AND status IN ('CONFIRMED', 'CHECKED_IN')",
            activity);
    org.junit.jupiter.api.Assertions.assertEquals(
        held, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", activity));
    org.junit.jupiter.api.Assertions.assertTrue(
        held <= data.queryLong("SELECT capacity FROM activity WHERE id = ?", activity));
  }

  /** A distinct valid mobile number for each {@code i}. */
  static String phone(int i) {
    return String.format("139%08d", i);
  }
}
