package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** booking(code): the holder sees status, activity and position; personal data only masked. */
class BookingQueryTest {
  static final String QUERY =
      "query($c: String!) { booking(code: $c) { code status position partySize name phone"
          + " activity { id title seatsLeft } createdAt confirmedAt cancelledAt } }";
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
  void theHolderSeesTheBookingWithItsActivityAndMaskedPersonalData() {
    long activity = Bookings.activity(data, net, 3, true);
    String code =
        Bookings.booked(server, activity, "13912345678", 2)
            .getJsonObject("booking")
            .getString("code");
    JsonObject booking = server.data(QUERY, Map.of("c", code)).getJsonObject("booking");
    assertEquals("CONFIRMED", booking.getString("status"));
    assertEquals(2, booking.getInteger("partySize"));
    assertEquals("139****5678", booking.getString("phone"));
    assertEquals("李*", booking.getString("name"));
    assertEquals(Ids.activity(activity), booking.getJsonObject("activity").getString("id"));
    assertEquals(1, booking.getJsonObject("activity").getInteger("seatsLeft"));
    assertNull(booking.getValue("position"));
    assertEquals(booking.getString("createdAt"), booking.getString("confirmedAt"));
    assertEquals(true, booking.getString("createdAt").endsWith("+08:00"));
  }

  @Test
  void aWaitlistedBookingShowsItsPositionWhichMovesUpWhenOneAheadCancels() {
    long activity = Bookings.activity(data, net, 1, true);
    Bookings.booked(server, activity, Bookings.phone(1), 1);
    String ahead =
        Bookings.booked(server, activity, Bookings.phone(2), 1)
            .getJsonObject("booking")
            .getString("code");
    String mine =
        Bookings.booked(server, activity, Bookings.phone(3), 1)
            .getJsonObject("booking")
            .getString("code");
    assertEquals(
        2, server.data(QUERY, Map.of("c", mine)).getJsonObject("booking").getInteger("position"));
    server.data(Bookings.CANCEL, Map.of("code", ahead));
    assertEquals(
        1, server.data(QUERY, Map.of("c", mine)).getJsonObject("booking").getInteger("position"));
  }

  @Test
  void staffOfTheActivitysPartOfTheNetworkSeeTheNameAndNumberInFull() {
    long activity = Bookings.activity(data, net, 3, true);
    String code =
        Bookings.booked(server, activity, "13912340000", 1)
            .getJsonObject("booking")
            .getString("code");
    JsonObject staff =
        Bookings.graphqlAs(server, data.token("STAFF", net.north()), QUERY, Map.of("c", code))
            .getJsonObject("data")
            .getJsonObject("booking");
    assertEquals("13912340000", staff.getString("phone"));
    assertEquals("李小明", staff.getString("name"));
    JsonObject otherStaff =
        Bookings.graphqlAs(server, data.token("STAFF", net.south()), QUERY, Map.of("c", code))
            .getJsonObject("data")
            .getJsonObject("booking");
    assertEquals("139****0000", otherStaff.getString("phone"));
    JsonObject kiosk =
        Bookings.graphqlAs(
                server,
                data.token("KIOSK", net.north(), "hall-1", "1 day"),
                QUERY,
                Map.of("c", code))
            .getJsonObject("data")
            .getJsonObject("booking");
    assertEquals("李*", kiosk.getString("name"));
    JsonObject admin =
        Bookings.graphqlAs(server, data.token("ADMIN", null), QUERY, Map.of("c", code))
            .getJsonObject("data")
            .getJsonObject("booking");
    assertEquals("13912340000", admin.getString("phone"));
  }

  @Test
  void anUnknownCodeGivesNullAndNotFound() {
    JsonObject response = server.graphql(QUERY, Map.of("c", "2345623456"));
    Errors.single(response, "NOT_FOUND");
    assertNull(response.getJsonObject("data").getValue("booking"));
  }

  @Test
  void aMalformedCodeIsBadInput() {
    Errors.single(server.graphql(QUERY, Map.of("c", "O0O0O0O0O0")), "BAD_USER_INPUT");
  }
}
