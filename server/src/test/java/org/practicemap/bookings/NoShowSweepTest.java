package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** The no-show sweep: ended activities' unchecked bookings become NO_SHOW, once, on any replica. */
class NoShowSweepTest {
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
  void confirmedBookingsOfEndedActivitiesBecomeNoShowsAndOthersStay() throws Exception {
    long ended = Bookings.activity(data, net, 10, true);
    String absent = code(ended, 1, 2);
    String came = code(ended, 2, 1);
    String waiting = code(ended, 3, 1);
    data.update("UPDATE booking SET status = 'WAITLISTED' WHERE code = ?", waiting);
    data.update("UPDATE activity SET seats_taken = seats_taken - 1 WHERE id = ?", ended);
    data.update(
        "UPDATE booking SET status = 'CHECKED_IN', checked_in_at = now() WHERE code = ?", came);
    endActivity(ended);
    long upcoming = Bookings.activity(data, net, 10, true);
    String future = code(upcoming, 4, 1);

    NoShowSweep.Swept swept = await(sweep().run());

    assertTrue(swept.ran());
    assertEquals(1, swept.bookings());
    assertEquals("NO_SHOW", status(absent));
    assertEquals("CHECKED_IN", status(came));
    assertEquals("WAITLISTED", status(waiting));
    assertEquals("CONFIRMED", status(future));
    Bookings.assertSeatsMatchBookings(data, ended);
    Bookings.assertSeatsMatchBookings(data, upcoming);
    assertEquals(0, await(sweep().run()).bookings(), "a second sweep finds nothing");
  }

  @Test
  void sweepsRunningAtOnceOnSeveralReplicasMarkEachBookingOnce() throws Exception {
    long ended = Bookings.activity(data, net, 40, true);
    for (int i = 0; i < 30; i++) {
      code(ended, 100 + i, 1);
    }
    endActivity(ended);
    List<Future<NoShowSweep.Swept>> runs =
        List.of(sweep().run(), sweep().run(), sweep().run(), sweep().run());
    int marked = 0;
    for (Future<NoShowSweep.Swept> run : runs) {
      marked += await(run).bookings();
    }
    assertEquals(30, marked);
    assertEquals(
        30,
        data.queryLong(
            "SELECT count(*) FROM booking WHERE activity_id = ? AND status = 'NO_SHOW'", ended));
    Bookings.assertSeatsMatchBookings(data, ended);
  }

  @Test
  void oldRateLimitCountersAreDeleted() throws Exception {
    data.update(
        "INSERT INTO booking_attempt (kind, key, window_start, count)"
            + " VALUES ('IP', sha256('x'::bytea), now() - interval '3 hours', 5)");
    await(sweep().run());
    assertEquals(
        0,
        data.queryLong(
            "SELECT count(*) FROM booking_attempt WHERE window_start < now() - interval '2 hours'"));
  }

  private static NoShowSweep sweep() {
    return new NoShowSweep(server.server().app().sql());
  }

  private static void endActivity(long activity) {
    OffsetDateTime start = OffsetDateTime.now().minusHours(3);
    data.update(
        "UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?",
        start,
        start.plusHours(1),
        activity);
  }

  private static String code(long activity, int phone, int party) {
    return Bookings.booked(server, activity, Bookings.phone(phone), party)
        .getJsonObject("booking")
        .getString("code");
  }

  private static String status(String code) {
    return data.queryString("SELECT status FROM booking WHERE code = ?", code);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
