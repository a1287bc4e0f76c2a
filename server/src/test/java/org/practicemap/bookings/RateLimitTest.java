package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** Booking attempts per phone and per IP per hour, counted in PostgreSQL across replicas. */
class RateLimitTest {

  @Test
  void thePhoneLimitRefusesTheNextAttemptWithARetryHint() {
    try (TestServer server = limited("3", "0");
        TestData data = new TestData(server.databaseUrl())) {
      long activity = Bookings.activity(data, Network.create(data), 1, false);
      Bookings.booked(server, activity, "13700000001", 1);
      Errors.single(Bookings.book(server, Bookings.input(activity, "13700000001", 1)), "CONFLICT");
      Errors.single(Bookings.book(server, Bookings.input(activity, "13700000001", 1)), "CONFLICT");
      JsonObject error =
          Errors.single(
              Bookings.book(server, Bookings.input(activity, "13700000001", 1)), "RATE_LIMITED");
      int retry = error.getJsonObject("extensions").getInteger("retryAfterSeconds");
      assertTrue(retry > 0 && retry <= 3600, "retry after " + retry);
      assertTrue(error.getString("message").contains("mobile number"));
      assertFalse(error.encode().contains("13700000001"));
      // Another number is not limited.
      Errors.single(Bookings.book(server, Bookings.input(activity, "13700000002", 1)), "CONFLICT");
    }
  }

  @Test
  void theIpLimitCountsEveryNumberFromOneAddress() {
    try (TestServer server = limited("0", "2");
        TestData data = new TestData(server.databaseUrl())) {
      long activity = Bookings.activity(data, Network.create(data), 10, true);
      Bookings.booked(server, activity, Bookings.phone(1), 1);
      Bookings.booked(server, activity, Bookings.phone(2), 1);
      JsonObject error =
          Errors.single(
              Bookings.book(server, Bookings.input(activity, Bookings.phone(3), 1)),
              "RATE_LIMITED");
      assertTrue(error.getString("message").contains("network"));
      assertEquals(2, data.queryLong("SELECT count(*) FROM booking"));
    }
  }

  @Test
  void countersHoldNeitherTheNumberNorTheAddress() {
    try (TestServer server = limited("5", "5");
        TestData data = new TestData(server.databaseUrl())) {
      long activity = Bookings.activity(data, Network.create(data), 10, true);
      Bookings.booked(server, activity, "13712345678", 1);
      assertEquals(2, data.queryLong("SELECT count(*) FROM booking_attempt"));
      assertEquals(
          0,
          data.queryLong(
              "SELECT count(*) FROM booking_attempt WHERE position(convert_to('13712345678', 'UTF8')"
                  + " IN key) > 0 OR key = sha256(convert_to('13712345678', 'UTF8'))"));
    }
  }

  @Test
  void zeroTurnsBothLimitsOff() {
    try (TestServer server = limited("0", "0");
        TestData data = new TestData(server.databaseUrl())) {
      long activity = Bookings.activity(data, Network.create(data), 1, false);
      Bookings.booked(server, activity, "13700000009", 1);
      for (int i = 0; i < 12; i++) {
        JsonObject error =
            Errors.single(
                Bookings.book(server, Bookings.input(activity, "13700000009", 1)), "CONFLICT");
        assertEquals("ALREADY_BOOKED", error.getJsonObject("extensions").getString("reason"));
      }
      assertEquals(0, data.queryLong("SELECT count(*) FROM booking_attempt"));
    }
  }

  private static TestServer limited(String perPhone, String perIp) {
    return TestServer.start(
        TestPostgres.newEmptyDatabase(),
        Map.of(
            "DEMO_DATA", "false",
            "BOOKING_LIMIT_PER_PHONE_HOUR", perPhone,
            "BOOKING_LIMIT_PER_IP_HOUR", perIp));
  }
}
