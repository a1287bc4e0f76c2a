package org.practicemap.db.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicemap.db.demo.DemoSql.ANCHOR;
import static org.practicemap.db.demo.DemoSql.number;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicemap.testing.TestPostgres;

/** Loading the demo: deterministic, once only, and true to the article on any supported day. */
class HorqinDemoLoadTest {
  /** Every table the demo writes, with the order that makes its rows comparable. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("theme", "code");
    TABLES.put("point", "id");
    TABLES.put("point_theme", "point_id, theme_code");
    TABLES.put("opening_hours", "point_id, weekday, opens");
    TABLES.put("opening_exception", "point_id, day");
    TABLES.put("deployment", "id");
    TABLES.put("kiosk", "id");
    TABLES.put("monthly_theme", "month");
    TABLES.put("activity", "id");
    TABLES.put("stall", "id");
    TABLES.put("booking", "id");
    TABLES.put("attendance", "id");
    TABLES.put("app_meta", "key");
  }

  @Test
  void sameAnchorDayGivesIdenticalRows() throws SQLException {
    LocalDate day = LocalDate.of(2026, 7, 15);
    Map<String, String> first = fingerprintsAfterLoading(day);
    Map<String, String> second = fingerprintsAfterLoading(day);
    assertEquals(first, second);
    Map<String, String> nextDay = fingerprintsAfterLoading(day.plusDays(1));
    assertNotEquals(first.get("activity"), nextDay.get("activity"));
    assertEquals(first.get("point_theme"), nextDay.get("point_theme"), "the network stays");
  }

  @Test
  void secondLoadIntoAFilledDatabaseDoesNothing() throws SQLException {
    try (Connection c = TestPostgres.jdbc(TestPostgres.newDemoDatabase())) {
      Map<String, String> before = fingerprints(c);
      assertFalse(DemoData.loadIfEmpty(c, LocalDate.of(2027, 3, 1)));
      assertEquals(before, fingerprints(c));
    }
  }

  /** Anchor days at the edges of the festival table and on the festivals themselves. */
  @ParameterizedTest
  @ValueSource(strings = {"2024-01-01", "2026-02-17", "2027-10-01", "2029-12-31"})
  void articleFiguresHoldOnAnySupportedAnchorDay(String day) throws SQLException {
    try (Connection c = loaded(LocalDate.parse(day))) {
      String held =
          ANCHOR
              + "SELECT count(*) FROM activity, anchor WHERE starts_at >= t0 - interval '365 days'"
              + " AND ends_at <= t0 AND cancelled_at IS NULL";
      long activities = number(c, held);
      long festivals = number(c, held + " AND festival IS NOT NULL");
      long served = HorqinDemoTest.personTimes(c);
      assertTrue(activities >= 1680 && activities <= 1720, day + ": " + activities + " held");
      assertTrue(festivals >= 740 && festivals <= 770, day + ": " + festivals + " festival");
      assertTrue(served >= 80_000 && served <= 83_000, day + ": " + served + " served");
      long bookable =
          number(
              c,
              ANCHOR
                  + "SELECT count(*) FROM activity, anchor WHERE capacity IS NOT NULL"
                  + " AND cancelled_at IS NULL AND starts_at >= t0 + interval '2 days'");
      assertTrue(bookable >= 1500, day + ": " + bookable + " bookable ahead");
      assertEquals(24, number(c, "SELECT count(*) FROM monthly_theme"));
      assertEquals(
          76,
          number(c, "SELECT max(n) FROM (SELECT count(*) n FROM stall GROUP BY activity_id) s"));
    }
  }

  private static Map<String, String> fingerprintsAfterLoading(LocalDate day) throws SQLException {
    try (Connection c = loaded(day)) {
      return fingerprints(c);
    }
  }

  private static Connection loaded(LocalDate day) throws SQLException {
    Connection c = TestPostgres.jdbc(TestPostgres.newEmptyDatabase());
    assertTrue(DemoData.loadIfEmpty(c, day));
    return c;
  }

  /** An md5 over each table's rows in a fixed order. */
  private static Map<String, String> fingerprints(Connection c) throws SQLException {
    Map<String, String> prints = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      prints.put(
          t.getKey(),
          DemoSql.text(
              c,
              "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY "
                  + t.getValue()
                  + "), '')) || ':' || count(*) FROM "
                  + t.getKey()
                  + " t"));
    }
    return prints;
  }
}
