package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** checkIn at the door: admitted once, plainly answered again, refused with the reason. */
class CheckInTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static String staff;
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

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
    staff = data.token("STAFF", net.north());
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void aConfirmedTicketIsCheckedInAndTheStaffSeeWhoItIs() {
    long activity = Bookings.atTheDoor(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, "13800001111", 3));
    JsonObject result = checkIn(activity, code);
    assertEquals("CHECKED_IN", result.getString("outcome"));
    assertTrue(result.getBoolean("admitted"));
    assertEquals("签到成功，3 人入场", result.getString("message"));
    assertEquals("13800001111", result.getJsonObject("booking").getString("phone"));
    assertEquals("CHECKED_IN", status(code));
    Bookings.assertSeatsMatchBookings(data, activity);
  }

  @Test
  void aSecondScanAnswersAlreadyCheckedInWithTheTimeAndChangesNothing() {
    long activity = Bookings.atTheDoor(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(1), 1));
    data.update(
        "UPDATE booking SET status = 'CHECKED_IN', checked_in_at = '2026-01-02T10:02:30+08:00'"
            + " WHERE code = ?",
        code);
    JsonObject result = checkIn(activity, "http://localhost/t/" + code);
    assertEquals("ALREADY_CHECKED_IN", result.getString("outcome"));
    assertTrue(result.getBoolean("admitted"));
    assertEquals("已于 10:02 签到", result.getString("message"));
    assertEquals("Already checked in at 10:02", result.getString("en"));
    assertEquals("2026-01-02T10:02:30.000+08:00", result.getString("checkedInAt"));
    assertEquals(0, auditRows(code));
  }

  @Test
  void twoScansAtOnceCheckInOnceAndTheOtherIsAlready() {
    long activity = Bookings.atTheDoor(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(2), 1));
    List<CompletableFuture<JsonObject>> scans =
        List.of(
            CompletableFuture.supplyAsync(() -> checkIn(activity, code)),
            CompletableFuture.supplyAsync(() -> checkIn(activity, code)));
    List<String> outcomes =
        scans.stream().map(f -> f.join().getString("outcome")).sorted().toList();
    assertEquals(List.of("ALREADY_CHECKED_IN", "CHECKED_IN"), outcomes);
    assertEquals(1, auditRows(code));
  }

  @Test
  void cancelledWaitlistedAndOtherActivitiesTicketsAreRefusedWithTheReason() {
    long activity = Bookings.atTheDoor(data, net, 1, true);
    long other = Bookings.atTheDoor(data, net, 5, true);
    Bookings.booked(server, activity, Bookings.phone(3), 1);
    String waiting = code(Bookings.booked(server, activity, Bookings.phone(4), 1));
    String cancelled = code(Bookings.booked(server, other, Bookings.phone(5), 1));
    server.data(Bookings.CANCEL, Map.of("code", cancelled));
    String elsewhere = code(Bookings.booked(server, other, Bookings.phone(6), 1));

    assertRefused(activity, waiting, "WAITLISTED", "此预约仍在候补中，尚无座位");
    assertRefused(other, cancelled, "CANCELLED", "此预约已取消");
    JsonObject wrong = assertRefused(activity, elsewhere, "OTHER_ACTIVITY", "这张票属于另一场活动");
    assertEquals(
        Ids.activity(other),
        wrong.getJsonObject("booking").getJsonObject("activity").getString("id"));
    assertEquals("CONFIRMED", status(elsewhere));
    JsonObject unknown = assertRefused(activity, "2345623456", "UNKNOWN_CODE", "没有这个票码");
    assertNull(unknown.getValue("booking"));
    assertRefused(activity, "a photo of a cat", "UNKNOWN_CODE", "没有这个票码");
  }

  @Test
  void aTicketForACancelledActivityIsRefused() {
    long activity = Bookings.atTheDoor(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(7), 1));
    data.update("UPDATE activity SET cancelled_at = now() WHERE id = ?", activity);
    assertRefused(activity, code, "ACTIVITY_CANCELLED", "本活动已取消");
    assertEquals("CONFIRMED", status(code));
  }

  @Test
  void checkInNeedsAStaffTokenForTheActivitysPartOfTheNetwork() {
    long activity = Bookings.atTheDoor(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, Bookings.phone(8), 1));
    Errors.single(Bookings.checkIn(server, null, activity, code), "UNAUTHENTICATED");
    Errors.single(
        Bookings.checkIn(server, data.token("STAFF", net.south()), activity, code), "FORBIDDEN");
    Errors.single(
        Bookings.checkIn(server, data.token("KIOSK", net.north(), "hall", "1 day"), activity, code),
        "FORBIDDEN");
    assertEquals("CONFIRMED", status(code));
    assertEquals(
        "CHECKED_IN",
        Bookings.checkIn(server, data.token("MANAGER", net.centre()), activity, code)
            .getJsonObject("data")
            .getJsonObject("checkIn")
            .getString("outcome"));
  }

  @Test
  void anUnknownOrMalformedActivityIsAnError() {
    Errors.single(Bookings.checkIn(server, staff, 987_654, "2345623456"), "NOT_FOUND");
    JsonObject response =
        Bookings.graphqlAs(
            server, staff, Bookings.CHECK_IN, Map.of("a", "nope", "code", "2345623456"));
    Errors.single(response, "BAD_USER_INPUT");
  }

  @Test
  void theAuditLogRecordsTheCheckInWithoutPersonalData() {
    long activity = Bookings.atTheDoor(data, net, 5, true);
    String code = code(Bookings.booked(server, activity, "13866667777", 1));
    checkIn(activity, code);
    assertEquals(1, auditRows(code));
    String row =
        data.queryString(
            "SELECT concat_ws(' ', actor, role, action, target_type, target_id, before, after)"
                + " FROM audit_log WHERE target_id = (SELECT id::text FROM booking WHERE code = ?)",
            code);
    assertTrue(row.contains("STAFF booking.checkIn Booking"), row);
    assertFalse(row.contains("13866667777") || row.contains("李") || row.contains(code), row);
  }

  @Test
  void beforeTheDoorOpensATicketIsRefusedWithTheTimeItOpensAndStaysValid() {
    OffsetDateTime start = OffsetDateTime.now(SHANGHAI).plusHours(5).withSecond(0).withNano(0);
    long activity =
        data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), 5);
    String code = code(Bookings.booked(server, activity, Bookings.phone(9), 2));
    OffsetDateTime opens = start.minusHours(2);
    JsonObject early =
        assertRefused(
            activity,
            code,
            "NOT_OPEN_YET",
            "签到将于 "
                + opens.getMonthValue()
                + "月"
                + opens.getDayOfMonth()
                + "日 "
                + HH_MM.format(opens)
                + " 开始");
    assertEquals(
        "Check-in opens at "
            + HH_MM.format(opens)
            + " on "
            + DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(opens),
        early.getString("en"));
    assertEquals("CONFIRMED", status(code));
    assertEquals(0, auditRows(code));
    // Two minutes before the door opens is still too early; once it is open the ticket works.
    data.update(
        "UPDATE activity SET starts_at = now() + interval '2 hours 2 minutes',"
            + " ends_at = now() + interval '4 hours' WHERE id = ?",
        activity);
    assertRefused(activity, code, "NOT_OPEN_YET", null);
    data.update(
        "UPDATE activity SET starts_at = now() + interval '1 hour 58 minutes',"
            + " ends_at = now() + interval '4 hours' WHERE id = ?",
        activity);
    assertEquals("CHECKED_IN", checkIn(activity, code).getString("outcome"));
  }

  @Test
  void afterTheEndATicketIsRefusedWithTheTimeItEndedAndOtherAnswersStay() {
    long activity = Bookings.atTheDoor(data, net, 5, true);
    String unused = code(Bookings.booked(server, activity, Bookings.phone(10), 1));
    String used = code(Bookings.booked(server, activity, Bookings.phone(11), 1));
    long other = Bookings.atTheDoor(data, net, 5, true);
    String elsewhere = code(Bookings.booked(server, other, Bookings.phone(12), 1));
    assertEquals("CHECKED_IN", checkIn(activity, used).getString("outcome"));
    // Ended two days ago at 17:00, and the no-show sweep has not reached it (it holds its lock
    // here): the door's clock alone refuses the ticket.
    OffsetDateTime end =
        OffsetDateTime.now(SHANGHAI).minusDays(2).withHour(17).withMinute(0).withSecond(0);
    data.update(
        "UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?",
        end.minusHours(2),
        end,
        activity);
    assertTrue(
        data.queryString("SELECT pg_try_advisory_lock(?)::text", NoShowSweep.LOCK_KEY)
            .equals("true"));
    try {
      String day = end.getMonthValue() + "月" + end.getDayOfMonth() + "日";
      JsonObject late =
          assertRefused(activity, unused, "ACTIVITY_ENDED", "本活动已于 " + day + " 17:00 结束");
      assertEquals(
          "This activity ended at 17:00 on "
              + DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(end),
          late.getString("en"));
      assertEquals("CONFIRMED", status(unused));
      JsonObject again = checkIn(activity, used);
      assertEquals("ALREADY_CHECKED_IN", again.getString("outcome"));
      assertEquals("OTHER_ACTIVITY", checkIn(activity, elsewhere).getString("outcome"));
      assertEquals("UNKNOWN_CODE", checkIn(activity, "2345623456").getString("outcome"));
    } finally {
      data.queryString("SELECT pg_advisory_unlock(?)::text", NoShowSweep.LOCK_KEY);
    }
  }

  private static JsonObject assertRefused(
      long activity, String code, String outcome, String message) {
    JsonObject result = checkIn(activity, code);
    assertEquals(outcome, result.getString("outcome"));
    assertFalse(result.getBoolean("admitted"));
    if (message != null) {
      assertEquals(message, result.getString("message"));
    }
    assertNull(result.getValue("checkedInAt"));
    return result;
  }

  private static JsonObject checkIn(long activity, String code) {
    JsonObject response = Bookings.checkIn(server, staff, activity, code);
    if (response.containsKey("errors")) {
      throw new AssertionError(response.encodePrettily());
    }
    return response.getJsonObject("data").getJsonObject("checkIn");
  }

  private static long auditRows(String code) {
    return data.queryLong(
        "SELECT count(*) FROM audit_log WHERE action = 'booking.checkIn'"
            + " AND target_id = (SELECT id::text FROM booking WHERE code = ?)",
        code);
  }

  private static String status(String code) {
    return data.queryString("SELECT status FROM booking WHERE code = ?", code);
  }

  private static String code(JsonObject payload) {
    return payload.getJsonObject("booking").getString("code");
  }
}
