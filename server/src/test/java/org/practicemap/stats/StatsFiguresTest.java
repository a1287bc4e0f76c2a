package org.practicemap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.LocalZone;
import org.practicemap.testing.Ids;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * Every figure of {@code stats}, for every dimension, equals the same figure counted from the raw
 * rows — on the demo year, for the network and for a subtree, and again after bookings,
 * cancellations, check-ins, recorded attendance, late corrections to settled months and a point
 * moved to another parent.
 */
class StatsFiguresTest {
  static final String STATS =
      "query($scope: ID, $from: Date, $to: Date, $groupBy: [StatsGroupBy!]) {"
          + " stats(scope: $scope, from: $from, to: $to, groupBy: $groupBy, maxGroups: 1000) {"
          + " activitiesHeld peopleServed bookings noShowRate fillRate from to"
          + " groups { by key label activitiesHeld peopleServed bookings noShowRate fillRate } } }";
  static final List<String> ALL =
      List.of("TOTAL", "THEME", "LEVEL", "MONTH", "POINT", "CATEGORY", "DEPARTMENT", "FESTIVAL");

  static TestServer server;
  static TestData data;
  static RawCounts raw;
  static LocalDate anchor;
  static LocalDate today;

  @BeforeAll
  static void start() {
    server = TestServer.withDemoData();
    data = new TestData(server.databaseUrl());
    raw = new RawCounts(server.databaseUrl());
    data.queryLong("SELECT stats_settle()");
    anchor =
        LocalDate.parse(
            data.queryString("SELECT value FROM app_meta WHERE key = 'demo_anchor_day'"));
    today = LocalDate.now(LocalZone.ID);
  }

  @AfterAll
  static void stop() {
    raw.close();
    data.close();
    server.close();
  }

  @Test
  void theDemoYearReproducesTheArticlesFigures() {
    JsonObject stats = stats(null, anchor.minusDays(365), anchor.minusDays(1), List.of("FESTIVAL"));
    // The article: "1,680+ activities held, 81,000 person-times served, 740+ festival events".
    int held = stats.getInteger("activitiesHeld");
    int served = stats.getInteger("peopleServed");
    assertTrue(held >= 1_680 && held <= 1_720, held + " held");
    assertTrue(served >= 80_000 && served <= 83_000, served + " served");
    int festivalEvents = 0;
    for (Object g : stats.getJsonArray("groups")) {
      JsonObject group = (JsonObject) g;
      if (!group.getString("key").equals("NONE")) {
        festivalEvents += group.getInteger("activitiesHeld");
      }
    }
    assertTrue(festivalEvents >= 740 && festivalEvents <= 770, festivalEvents + " festival events");
  }

  @Test
  void everyFigureOfTheNetworkMatchesTheRawRows() {
    assertTrue(
        data.queryLong("SELECT count(*) FROM stats_settled_month") >= 10,
        "the demo year's months are settled, so the rollups are what is compared");
    assertMatches(null, anchor.minusDays(365), anchor.minusDays(1));
    assertMatches(null, today.withDayOfYear(1), today.minusDays(1));
    assertMatches(null, today.minusDays(40), today.plusDays(120));
  }

  @Test
  void everyFigureOfASubtreeMatchesTheRawRows() {
    long institute = busiestInstitute();
    assertMatches(institute, anchor.minusDays(365), anchor.minusDays(1));
    assertMatches(institute, today.minusDays(75), today.minusDays(1));
  }

  @Test
  void figuresFollowBookingsCancellationsCheckInsAndAttendance() {
    long institute = busiestInstitute();
    long station = data.point(institute, "STATION", "统计测试站", 43.6, 122.2, false);
    OffsetDateTime now = OffsetDateTime.now(LocalZone.ID);
    // Both activities start within the last three hours: yesterday, in Beijing, shortly after
    // midnight (stats count an activity on the day it starts), so the range takes yesterday in.
    LocalDate since = today.minusDays(1);
    long running =
        data.activity(station, "RED_IMPRINT", "LECTURE", now.minusHours(1), now.plusHours(2), 10);
    long over = data.activity(station, null, "CLASS", now.minusHours(3), now.minusHours(2), 6);
    String staff = data.token("STAFF", station);
    List<Long> scopes = new ArrayList<>(List.of(station, institute));
    Runnable check =
        () -> {
          for (Long scope : scopes) {
            assertMatches(scope, today.minusDays(3), today);
          }
        };
    check.run();
    String first = book(running, "13800000001", 2);
    String second = book(running, "13800000002", 3);
    check.run();
    assertEquals(2, stats(station, since, today, List.of()).getInteger("bookings"));
    cancel(second);
    check.run();
    checkIn(staff, running, first);
    record(staff, running, 7);
    check.run();
    data.update("UPDATE activity SET ends_at = now() - interval '1 minute' WHERE id = ?", running);
    check.run();
    JsonObject held = stats(station, since, today, List.of());
    assertEquals(2, held.getInteger("activitiesHeld"));
    assertEquals(2 + 7, held.getInteger("peopleServed"));
    assertEquals(2.0 / 16, held.getDouble("fillRate"), 1e-9, "2 seats of 10 and 6");
    assertEquals(0.0, held.getDouble("noShowRate"), 1e-9);
    data.update(
        "UPDATE activity SET cancelled_at = now(), cancel_reason = 'test' WHERE id = ?", over);
    check.run();
  }

  @Test
  void lateCorrectionsToASettledMonthAreCounted() {
    long institute = busiestInstitute();
    LocalDate from = anchor.minusDays(365);
    LocalDate to = anchor.minusDays(1);
    long noShow =
        data.queryLong(
            "SELECT b.id FROM booking b JOIN activity a ON a.id = b.activity_id"
                + " JOIN point p ON p.id = a.point_id, point i WHERE i.id = ? AND p.path <@ i.path"
                + " AND b.status = 'NO_SHOW' AND a.ends_at < now() - interval '40 days' LIMIT 1",
            institute);
    long month =
        data.queryLong(
            "SELECT count(*) FROM stats_settled_month m, booking b JOIN activity a"
                + " ON a.id = b.activity_id WHERE b.id = ? AND m.month ="
                + " date_trunc('month', a.starts_at AT TIME ZONE 'Asia/Shanghai')",
            noShow);
    assertEquals(1, month, "the booking's month is settled");
    JsonObject before = stats(institute, from, to, List.of());
    data.update(
        "UPDATE booking SET status = 'CHECKED_IN', checked_in_at = now() WHERE id = ?", noShow);
    data.update(
        "INSERT INTO attendance (activity_id, count, recorded_by)"
            + " SELECT activity_id, 11, 'test' FROM booking WHERE id = ?",
        noShow);
    assertMatches(institute, from, to);
    assertMatches(null, from, to);
    assertNotEquals(
        before.getInteger("peopleServed"),
        stats(institute, from, to, List.of()).getInteger("peopleServed"));
    long cancelled =
        data.queryLong(
            "SELECT a.id FROM activity a JOIN point p ON p.id = a.point_id, point i"
                + " WHERE i.id = ? AND p.path <@ i.path AND a.cancelled_at IS NULL"
                + " AND a.ends_at < now() - interval '40 days' LIMIT 1",
            institute);
    data.update(
        "UPDATE activity SET cancelled_at = ends_at, cancel_reason = 'test' WHERE id = ?",
        cancelled);
    assertMatches(institute, from, to);
    data.update(
        "UPDATE activity SET ends_at = now() + interval '1 day' WHERE id = ("
            + "SELECT a.id FROM activity a WHERE a.cancelled_at IS NULL"
            + " AND a.ends_at < now() - interval '40 days' LIMIT 1)");
    assertMatches(null, from, to);
    assertMatches(institute, from, to);
  }

  @Test
  void aMovedPointCountsUnderItsNewParent() {
    List<Long> institutes = institutes();
    long from = institutes.get(0);
    long to = institutes.get(1);
    long station =
        data.queryLong(
            "SELECT p.id FROM point p JOIN activity a ON a.point_id = p.id"
                + " WHERE p.parent_id = ? AND p.level = 'STATION' AND a.ends_at < now()"
                + " GROUP BY p.id ORDER BY count(*) DESC LIMIT 1",
            from);
    LocalDate first = anchor.minusDays(365);
    LocalDate last = anchor.minusDays(1);
    int stationHeld = stats(station, first, last, List.of()).getInteger("activitiesHeld");
    int fromHeld = stats(from, first, last, List.of()).getInteger("activitiesHeld");
    int toHeld = stats(to, first, last, List.of()).getInteger("activitiesHeld");
    assertTrue(stationHeld > 0);
    String admin = data.token("ADMIN", null);
    server.data(
        "mutation($id: ID!, $parentId: ID!) { movePoint(id: $id, parentId: $parentId) { movedPoints } }",
        Map.of("id", Ids.point(station), "parentId", Ids.point(to)),
        admin);
    assertEquals(
        fromHeld - stationHeld, stats(from, first, last, List.of()).getInteger("activitiesHeld"));
    assertEquals(
        toHeld + stationHeld, stats(to, first, last, List.of()).getInteger("activitiesHeld"));
    for (long scope : List.of(from, to, station)) {
      assertMatches(scope, first, last);
    }
    assertMatches(null, first, last);
  }

  /** Compares with the raw rows counted just before and just after the API's answer. */
  static void assertMatches(Long scope, LocalDate from, LocalDate to) {
    List<String> groupBy = ALL.subList(1, ALL.size());
    for (int attempt = 0; ; attempt++) {
      var before = raw.count(scope, from, to, ALL);
      var api = RawCounts.of(stats(scope, from, to, groupBy), ALL);
      var after = raw.count(scope, from, to, ALL);
      if (before.equals(after) || attempt == 2) {
        assertEquals(before, api, "stats(" + scope + ", " + from + ", " + to + ")");
        return;
      }
    }
  }

  static JsonObject stats(Long scope, LocalDate from, LocalDate to, List<String> groupBy) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("scope", scope == null ? null : Ids.point(scope));
    vars.put("from", from.toString());
    vars.put("to", to.toString());
    vars.put("groupBy", groupBy);
    return server.data(STATS, vars).getJsonObject("stats");
  }

  static long busiestInstitute() {
    return institutes().get(0);
  }

  static List<Long> institutes() {
    long first =
        data.queryLong(
            "SELECT p.id FROM point p JOIN point s ON s.path <@ p.path JOIN activity a"
                + " ON a.point_id = s.id WHERE p.level = 'INSTITUTE' GROUP BY p.id"
                + " ORDER BY count(*) DESC, p.id LIMIT 1");
    long second =
        data.queryLong(
            "SELECT id FROM point WHERE level = 'INSTITUTE' AND id <> ? ORDER BY id LIMIT 1",
            first);
    return List.of(first, second);
  }

  static String book(long activity, String phone, int party) {
    JsonObject input =
        new JsonObject()
            .put("activityId", Ids.activity(activity))
            .put("name", "测试")
            .put("phone", phone)
            .put("partySize", party)
            .put("idempotencyKey", "stats-" + phone);
    return server
        .data(
            "mutation($i: BookActivityInput!) { bookActivity(input: $i) { booking { code } } }",
            Map.of("i", input.getMap()))
        .getJsonObject("bookActivity")
        .getJsonObject("booking")
        .getString("code");
  }

  static void cancel(String code) {
    server.data(
        "mutation($c: String!) { cancelBooking(code: $c) { booking { status } } }",
        Map.of("c", code));
  }

  static void checkIn(String token, long activity, String code) {
    JsonObject result =
        server
            .data(
                "mutation($a: ID!, $c: String!) { checkIn(activityId: $a, code: $c) { outcome } }",
                Map.of("a", Ids.activity(activity), "c", code),
                token)
            .getJsonObject("checkIn");
    assertEquals("CHECKED_IN", result.getString("outcome"));
  }

  static void record(String token, long activity, int count) {
    server.data(
        "mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { totalRecorded } }",
        Map.of("i", Map.of("activityId", Ids.activity(activity), "count", count)),
        token);
  }
}
