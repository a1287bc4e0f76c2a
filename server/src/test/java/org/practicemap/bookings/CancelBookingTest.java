package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** cancelBooking frees seats and promotes the waiting list in the same transaction. */
class CancelBookingTest {
  static TestServer server;
  static TestData data;
  static Network net;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of(
                "DEMO_DATA", "false",
                "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
                "BOOKING_LIMIT_PER_IP_HOUR", "0"));
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void cancellingFreesTheSeats() {
    long activity = Bookings.activity(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(1), 3));
    JsonObject payload =
        server.data(Bookings.CANCEL, Map.of("code", code)).getJsonObject("cancelBooking");
    assertEquals("CANCELLED", payload.getJsonObject("booking").getString("status"));
    assertEquals(5, payload.getJsonObject("activity").getInteger("seatsLeft"));
    assertEquals(0, payload.getInteger("promoted"));
    assertEquals(0, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", activity));
  }

  @Test
  void theFirstWaitlistedBookingsThatFitArePromoted() {
    long activity = Bookings.activity(data, net, 4, true);
    String big = code(Bookings.booked(server, activity, Bookings.phone(10), 3));
    Bookings.booked(server, activity, Bookings.phone(11), 1);
    String four = code(Bookings.booked(server, activity, Bookings.phone(12), 4)); // waits 1st
    String two = code(Bookings.booked(server, activity, Bookings.phone(13), 2)); // waits 2nd
    String one = code(Bookings.booked(server, activity, Bookings.phone(14), 1)); // waits 3rd
    String late = code(Bookings.booked(server, activity, Bookings.phone(15), 1)); // waits 4th

    JsonObject payload =
        server.data(Bookings.CANCEL, Map.of("code", big)).getJsonObject("cancelBooking");

    // 3 seats free: the party of 4 does not fit, the 2 and the 1 behind it do, in order.
    assertEquals(2, payload.getInteger("promoted"));
    assertEquals(0, payload.getJsonObject("activity").getInteger("seatsLeft"));
    assertEquals("WAITLISTED", status(four));
    assertEquals("CONFIRMED", status(two));
    assertEquals("CONFIRMED", status(one));
    assertEquals("WAITLISTED", status(late));
    assertEquals(1, position(four));
    assertEquals(2, position(late));
    Bookings.assertSeatsMatchBookings(data, activity);
  }

  /**
   * The list is read a page at a time for as long as seats remain: a freed seat reaches a party of
   * one behind more than a page of parties of four that cannot use it (and a capacity raised by
   * thousands, which goes through the same promotion, serves thousands).
   */
  @Test
  void aFreedSeatReachesAPartyBehindMoreThanAPageThatDoNotFit() {
    long activity = Bookings.activity(data, net, 4, true);
    String one = code(Bookings.booked(server, activity, Bookings.phone(60), 1));
    Bookings.booked(server, activity, Bookings.phone(61), 3);
    int tooLarge = BookingService.PROMOTION_SCAN + 50;
    data.update(
        "INSERT INTO booking (code, activity_id, status, party_size, name, phone, created_at)"
            + " SELECT 'W' || lpad(g::text, 9, '0'), ?, 'WAITLISTED', 4, '王', '137' || lpad(g::text,"
            + " 8, '0'), now() - interval '1 hour' + g * interval '1 millisecond'"
            + " FROM generate_series(1, ?) g",
        activity,
        tooLarge);
    String behind = code(Bookings.booked(server, activity, Bookings.phone(62), 1));
    assertEquals(tooLarge + 1, position(behind));

    JsonObject payload =
        server.data(Bookings.CANCEL, Map.of("code", one)).getJsonObject("cancelBooking");

    assertEquals(1, payload.getInteger("promoted"));
    assertEquals("CONFIRMED", status(behind));
    assertEquals(0, payload.getJsonObject("activity").getInteger("seatsLeft"));
    Bookings.assertSeatsMatchBookings(data, activity);
  }

  @Test
  void cancellingTwiceAnswersTheSameAndFreesNothingMore() {
    long activity = Bookings.activity(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(20), 2));
    Bookings.booked(server, activity, Bookings.phone(21), 2);
    server.data(Bookings.CANCEL, Map.of("code", code));
    JsonObject again =
        server.data(Bookings.CANCEL, Map.of("code", code)).getJsonObject("cancelBooking");
    assertEquals("CANCELLED", again.getJsonObject("booking").getString("status"));
    assertEquals(3, again.getJsonObject("activity").getInteger("seatsLeft"));
    Bookings.assertSeatsMatchBookings(data, activity);
  }

  @Test
  void cancellingAWaitlistedBookingFreesNoSeat() {
    long activity = Bookings.activity(data, net, 1, true);
    Bookings.booked(server, activity, Bookings.phone(30), 1);
    String waiting = code(Bookings.booked(server, activity, Bookings.phone(31), 1));
    JsonObject payload =
        server.data(Bookings.CANCEL, Map.of("code", waiting)).getJsonObject("cancelBooking");
    assertEquals(0, payload.getJsonObject("activity").getInteger("seatsLeft"));
    assertEquals(1, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", activity));
  }

  @Test
  void aCheckedInTicketCannotBeCancelled() {
    long activity = Bookings.activity(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(40), 1));
    data.update(
        "UPDATE booking SET status = 'CHECKED_IN', checked_in_at = now() WHERE code = ?", code);
    JsonObject error = Errors.single(Bookings.cancel(server, code), "CONFLICT");
    assertEquals("ALREADY_CHECKED_IN", error.getJsonObject("extensions").getString("reason"));
  }

  @Test
  void aBookingOfAnActivityThatEndedCannotBeCancelled() {
    long activity = Bookings.activity(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(50), 1));
    OffsetDateTime past = OffsetDateTime.now().minusHours(3);
    data.update(
        "UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?",
        past,
        past.plusHours(1),
        activity);
    JsonObject error = Errors.single(Bookings.cancel(server, code), "CONFLICT");
    assertEquals("ACTIVITY_ENDED", error.getJsonObject("extensions").getString("reason"));
    assertEquals("CONFIRMED", status(code));
  }

  @Test
  void anUnknownCodeIsNotFoundAndAMalformedOneIsBadInput() {
    JsonObject error = Errors.single(Bookings.cancel(server, "ZZZZZ-ZZZZZ"), "NOT_FOUND");
    assertEquals("No ticket has this code; check it and try again.", error.getString("message"));
    error = Errors.single(Bookings.cancel(server, "not a code"), "BAD_USER_INPUT");
    assertEquals("code", error.getJsonObject("extensions").getString("field"));
  }

  @Test
  void theCodeIsReadWhateverItsCaseAndSeparators() {
    long activity = Bookings.activity(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(60), 1));
    String typed = (code.substring(0, 5) + "-" + code.substring(5)).toLowerCase();
    assertEquals(
        "CANCELLED",
        server
            .data(Bookings.CANCEL, Map.of("code", " " + typed + " "))
            .getJsonObject("cancelBooking")
            .getJsonObject("booking")
            .getString("status"));
  }

  private static String status(String code) {
    return data.queryString("SELECT status FROM booking WHERE code = ?", code);
  }

  private static int position(String code) {
    return server
        .data("query($c: String!) { booking(code: $c) { position } }", Map.of("c", code))
        .getJsonObject("booking")
        .getInteger("position");
  }

  private static String code(JsonObject payload) {
    return payload.getJsonObject("booking").getString("code");
  }
}
