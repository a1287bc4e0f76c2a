package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** recordAttendance: staff count walk-ins once, within their part of the network. */
class AttendanceTest {
  static final String RECORD =
      "mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) {"
          + " activity { id } count totalRecorded replayed } }";
  static TestServer server;
  static TestData data;
  static Network net;
  static String staff;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    staff = data.token("STAFF", net.northStation());
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void staffRecordWalkInsAtAnOpenEventAndSeeTheTotal() {
    long activity = started(null);
    assertEquals(30, record(staff, activity, 30, "count-0001").getInteger("totalRecorded"));
    JsonObject second = record(staff, activity, 12, "count-0002");
    assertEquals(12, second.getInteger("count"));
    assertEquals(42, second.getInteger("totalRecorded"));
    assertEquals(Ids.activity(activity), second.getJsonObject("activity").getString("id"));
    assertEquals(
        2,
        data.queryLong(
            "SELECT count(*) FROM audit_log WHERE action = 'attendance.record'"
                + " AND target_id = ?",
            Long.toString(activity)));
  }

  @Test
  void theSameKeyRecordsOnce() {
    long activity = started(20);
    record(staff, activity, 5, "retry-key-1");
    JsonObject again = record(staff, activity, 5, "retry-key-1");
    assertTrue(again.getBoolean("replayed"));
    assertEquals(5, again.getInteger("totalRecorded"));
    JsonObject error = Errors.single(call(staff, activity, 6, "retry-key-1"), "CONFLICT");
    assertEquals("IDEMPOTENCY_KEY_REUSED", error.getJsonObject("extensions").getString("reason"));
  }

  @Test
  void countsOutsideOneToTenThousandAreBadInput() {
    long activity = started(null);
    for (int count : new int[] {0, -3, 10_001}) {
      JsonObject error = Errors.single(call(staff, activity, count, null), "BAD_USER_INPUT");
      assertEquals("input.count", error.getJsonObject("extensions").getString("field"));
    }
    assertEquals(
        0, data.queryLong("SELECT count(*) FROM attendance WHERE activity_id = ?", activity));
  }

  @Test
  void onlyStaffOfTheActivitysPartOfTheNetworkMayRecord() {
    long activity = started(null);
    Errors.single(call(null, activity, 3, null), "UNAUTHENTICATED");
    Errors.single(call(data.token("STAFF", net.south()), activity, 3, null), "FORBIDDEN");
    assertEquals(
        0, data.queryLong("SELECT count(*) FROM attendance WHERE activity_id = ?", activity));
  }

  @Test
  void cancelledAndFarFutureActivitiesAreRefused() {
    long cancelled = started(null);
    data.update("UPDATE activity SET cancelled_at = now() WHERE id = ?", cancelled);
    assertEquals(
        "ACTIVITY_CANCELLED",
        Errors.single(call(staff, cancelled, 3, null), "CONFLICT")
            .getJsonObject("extensions")
            .getString("reason"));
    long future = Bookings.activity(data, net, null, false);
    assertEquals(
        "NOT_STARTED",
        Errors.single(call(staff, future, 3, null), "CONFLICT")
            .getJsonObject("extensions")
            .getString("reason"));
  }

  private static long started(Integer capacity) {
    OffsetDateTime start = OffsetDateTime.now().minusMinutes(30);
    return data.activity(
        net.northStation(), "A_THEME", "FESTIVAL", start, start.plusHours(3), capacity);
  }

  private static JsonObject record(String token, long activity, int count, String key) {
    JsonObject response = call(token, activity, count, key);
    if (response.containsKey("errors")) {
      throw new AssertionError(response.encodePrettily());
    }
    return response.getJsonObject("data").getJsonObject("recordAttendance");
  }

  private static JsonObject call(String token, long activity, int count, String key) {
    Map<String, Object> input = new HashMap<>();
    input.put("activityId", Ids.activity(activity));
    input.put("count", count);
    if (key != null) {
      input.put("idempotencyKey", key);
    }
    return Bookings.graphqlAs(server, token, RECORD, Map.of("input", input));
  }
}
