package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** bookActivity on real PostgreSQL: confirmed, waitlisted, refused, and every bad input. */
class BookActivityTest {
  static TestServer server;
  static TestData data;
  static Network net;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            org.practicemap.testing.TestPostgres.newEmptyDatabase(),
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
  void bookingWithSeatsLeftIsConfirmedAndTakesTheSeats() {
    long activity = Bookings.activity(data, net, 10, true);
    JsonObject payload = Bookings.booked(server, activity, "13812345678", 3);
    JsonObject booking = payload.getJsonObject("booking");
    assertEquals("CONFIRMED", booking.getString("status"));
    assertNull(booking.getValue("position"));
    assertTrue(booking.getString("code").matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}"));
    assertEquals(7, payload.getJsonObject("activity").getInteger("seatsLeft"));
    assertFalse(payload.getBoolean("replayed"));
    assertEquals(3, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", activity));
  }

  @Test
  void theBookingShowsTheNameAndNumberMaskedToThePublic() {
    long activity = Bookings.activity(data, net, 10, true);
    JsonObject booking =
        Bookings.booked(server, activity, "+86 138-1234-5678", 1).getJsonObject("booking");
    assertEquals("138****5678", booking.getString("phone"));
    assertEquals("李*", booking.getString("name"));
    assertEquals("web", booking.getString("source"));
    assertEquals(
        "13812345678",
        data.queryString("SELECT phone FROM booking WHERE code = ?", booking.getString("code")));
  }

  @Test
  void bookingPastCapacityIsWaitlistedInOrder() {
    long activity = Bookings.activity(data, net, 2, true);
    Bookings.booked(server, activity, Bookings.phone(1), 2);
    JsonObject first = Bookings.booked(server, activity, Bookings.phone(2), 1);
    JsonObject second = Bookings.booked(server, activity, Bookings.phone(3), 1);
    assertEquals("WAITLISTED", first.getJsonObject("booking").getString("status"));
    assertEquals(1, first.getJsonObject("booking").getInteger("position"));
    assertEquals(2, second.getJsonObject("booking").getInteger("position"));
    assertEquals(0, second.getJsonObject("activity").getInteger("seatsLeft"));
    assertEquals(2, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", activity));
  }

  @Test
  void fullyBookedWithoutAWaitingListIsAConflict() {
    long activity = Bookings.activity(data, net, 1, false);
    Bookings.booked(server, activity, Bookings.phone(10), 1);
    JsonObject error =
        Errors.single(
            Bookings.book(server, Bookings.input(activity, Bookings.phone(11), 1)), "CONFLICT");
    assertEquals("This activity is fully booked.", error.getString("message"));
    assertEquals("FULLY_BOOKED", error.getJsonObject("extensions").getString("reason"));
  }

  @Test
  void aPartyLargerThanTheSeatsLeftWithoutAWaitingListIsToldHowManyAreLeft() {
    long activity = Bookings.activity(data, net, 3, false);
    Bookings.booked(server, activity, Bookings.phone(20), 2);
    JsonObject error =
        Errors.single(
            Bookings.book(server, Bookings.input(activity, Bookings.phone(21), 2)), "CONFLICT");
    assertEquals("Only 1 seat is left.", error.getString("message"));
    assertEquals(1, error.getJsonObject("extensions").getInteger("seatsLeft"));
    assertEquals("input.partySize", error.getJsonObject("extensions").getString("field"));
  }

  @Test
  void aPartyLargerThanTheActivityIsRefusedEvenWithAWaitingList() {
    long activity = Bookings.activity(data, net, 3, true);
    JsonObject error =
        Errors.single(
            Bookings.book(server, Bookings.input(activity, Bookings.phone(25), 4)), "CONFLICT");
    assertEquals("This activity has only 3 seats in all.", error.getString("message"));
    JsonObject extensions = error.getJsonObject("extensions");
    assertEquals("PARTY_TOO_LARGE", extensions.getString("reason"));
    assertEquals(3, extensions.getInteger("capacity"));
    assertEquals("input.partySize", extensions.getString("field"));
    assertEquals(0, data.queryLong("SELECT count(*) FROM booking WHERE activity_id = ?", activity));
  }

  @Test
  void anOpenEventIsNotBookable() {
    long activity = Bookings.activity(data, net, null, true);
    JsonObject error =
        Errors.single(
            Bookings.book(server, Bookings.input(activity, Bookings.phone(30), 1)),
            "BAD_USER_INPUT");
    assertEquals("OPEN_EVENT", error.getJsonObject("extensions").getString("reason"));
    assertTrue(error.getString("message").contains("open event"));
  }

  @Test
  void cancelledAndFinishedActivitiesAreRefusedWithTheReason() {
    long cancelled = Bookings.activity(data, net, 5, true);
    data.update(
        "UPDATE activity SET cancelled_at = now(), cancel_reason = 'rain' WHERE id = ?", cancelled);
    JsonObject error =
        Errors.single(
            Bookings.book(server, Bookings.input(cancelled, Bookings.phone(40), 1)), "CONFLICT");
    assertEquals("ACTIVITY_CANCELLED", error.getJsonObject("extensions").getString("reason"));

    OffsetDateTime start = OffsetDateTime.now().minusHours(3);
    long finished =
        data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(1), 5);
    error =
        Errors.single(
            Bookings.book(server, Bookings.input(finished, Bookings.phone(41), 1)), "CONFLICT");
    assertEquals("ACTIVITY_ENDED", error.getJsonObject("extensions").getString("reason"));
  }

  @Test
  void anUnknownActivityIsNotFoundAndAMalformedIdIsBadInput() {
    Errors.single(
        Bookings.book(server, Bookings.input(999_999, Bookings.phone(50), 1)), "NOT_FOUND");
    Map<String, Object> input = Bookings.input(1, Bookings.phone(51), 1);
    input.put("activityId", Ids.point(net.centre()));
    JsonObject error = Errors.single(Bookings.book(server, input), "BAD_USER_INPUT");
    assertEquals("input.activityId", error.getJsonObject("extensions").getString("field"));
  }

  @Test
  void badPhoneNumbersAreRefusedBesideTheField() {
    long activity = Bookings.activity(data, net, 5, true);
    for (String phone :
        new String[] {
          "",
          "1381234567",
          "138123456789",
          "12812345678",
          "23812345678",
          "+1 2025550123",
          "138abcd5678"
        }) {
      JsonObject error =
          Errors.single(
              Bookings.book(server, Bookings.input(activity, phone, 1)), "BAD_USER_INPUT");
      assertEquals("input.phone", error.getJsonObject("extensions").getString("field"), phone);
      assertFalse(
          error.getString("message").contains(phone.isEmpty() ? "§" : phone), "echoes the number");
    }
    assertEquals(0, data.queryLong("SELECT count(*) FROM booking WHERE activity_id = ?", activity));
  }

  @Test
  void badNamesPartySizesKeysAndSourcesAreRefusedBesideTheirField() {
    long activity = Bookings.activity(data, net, 5, true);
    assertBad(activity, "name", "   ", "input.name");
    assertBad(activity, "name", "x".repeat(41), "input.name");
    assertBad(activity, "name", "李\u0000明", "input.name");
    assertBad(activity, "partySize", 0, "input.partySize");
    assertBad(activity, "partySize", 5, "input.partySize");
    assertBad(activity, "idempotencyKey", "short", "input.idempotencyKey");
    assertBad(activity, "idempotencyKey", "key with spaces!", "input.idempotencyKey");
    assertBad(activity, "source", "kiosk:Bad Id", "input.source");
    assertEquals(0, data.queryLong("SELECT count(*) FROM booking WHERE activity_id = ?", activity));
  }

  @Test
  void aKioskSourceIsKept() {
    long activity = Bookings.activity(data, net, 5, true);
    Map<String, Object> input = Bookings.input(activity, Bookings.phone(60), 1);
    input.put("source", "kiosk:centre-hall-1");
    JsonObject booking =
        server
            .data(Bookings.BOOK, Map.of("input", input))
            .getJsonObject("bookActivity")
            .getJsonObject("booking");
    assertEquals("kiosk:centre-hall-1", booking.getString("source"));
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameBookingAndTakesNoSecondSeat() {
    long activity = Bookings.activity(data, net, 5, true);
    Map<String, Object> input = Bookings.input(activity, Bookings.phone(70), 2);
    JsonObject first =
        server.data(Bookings.BOOK, Map.of("input", input)).getJsonObject("bookActivity");
    JsonObject again =
        server.data(Bookings.BOOK, Map.of("input", input)).getJsonObject("bookActivity");
    assertEquals(
        first.getJsonObject("booking").getString("code"),
        again.getJsonObject("booking").getString("code"));
    assertTrue(again.getBoolean("replayed"));
    assertEquals(3, again.getJsonObject("activity").getInteger("seatsLeft"));
    assertEquals(1, data.queryLong("SELECT count(*) FROM booking WHERE activity_id = ?", activity));
  }

  @Test
  void reusingAnIdempotencyKeyForOtherDetailsIsAConflict() {
    long activity = Bookings.activity(data, net, 5, true);
    Map<String, Object> input = Bookings.input(activity, Bookings.phone(80), 1);
    server.data(Bookings.BOOK, Map.of("input", input));
    input.put("phone", Bookings.phone(81));
    JsonObject error = Errors.single(Bookings.book(server, input), "CONFLICT");
    assertEquals("IDEMPOTENCY_KEY_REUSED", error.getJsonObject("extensions").getString("reason"));
  }

  @Test
  void onePhoneHoldsOneActiveBookingPerActivity() {
    long activity = Bookings.activity(data, net, 5, true);
    JsonObject first = Bookings.booked(server, activity, Bookings.phone(90), 1);
    JsonObject error =
        Errors.single(
            Bookings.book(server, Bookings.input(activity, "+86" + Bookings.phone(90), 1)),
            "CONFLICT");
    assertEquals("ALREADY_BOOKED", error.getJsonObject("extensions").getString("reason"));
    assertFalse(
        error.encode().contains(first.getJsonObject("booking").getString("code")),
        "leaks the code");
    Bookings.cancel(server, first.getJsonObject("booking").getString("code"));
    assertEquals(
        "CONFIRMED",
        Bookings.booked(server, activity, Bookings.phone(90), 1)
            .getJsonObject("booking")
            .getString("status"));
  }

  private static void assertBad(long activity, String field, Object value, String expectedField) {
    Map<String, Object> input = Bookings.input(activity, Bookings.phone(99), 1);
    input.put(field, value);
    JsonObject error = Errors.single(Bookings.book(server, input), "BAD_USER_INPUT");
    assertEquals(
        expectedField, error.getJsonObject("extensions").getString("field"), field + "=" + value);
  }
}
