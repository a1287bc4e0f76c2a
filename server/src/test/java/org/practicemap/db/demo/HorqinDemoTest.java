package org.practicemap.db.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicemap.db.demo.DemoSql.ANCHOR;
import static org.practicemap.db.demo.DemoSql.number;
import static org.practicemap.db.demo.DemoSql.texts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestPostgres;

/** The demo data set as loaded at first start-up, checked with SQL against the article. */
class HorqinDemoTest {
  private static Connection c;

  @BeforeAll
  static void load() throws SQLException {
    c = TestPostgres.jdbc(TestPostgres.newDemoDatabase());
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  @Test
  void networkHasTheArticlesCountsPerLevel() throws SQLException {
    Map<String, Long> expected =
        Map.of(
            "CENTER", 1L,
            "INSTITUTE", 21L,
            "STATION", 442L,
            "BASE", 13L,
            "SERVICE_POINT", 6L,
            "MOBILE_POINT", 30L);
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertEquals(
          e.getValue(),
          number(c, "SELECT count(*) FROM point WHERE level = '" + e.getKey() + "'"),
          e.getKey());
    }
    assertTrue(number(c, "SELECT count(*) FROM point WHERE level = 'VENUE'") > 0);
  }

  @Test
  void mapShowsThirtySevenPointsWithAtLeastThreeOnEveryBoard() throws SQLException {
    assertEquals(8, number(c, "SELECT count(*) FROM theme"));
    assertEquals(37, number(c, "SELECT count(*) FROM point WHERE on_map"));
    assertEquals(
        8,
        number(
            c,
            "SELECT count(*) FROM (SELECT t.code FROM theme t JOIN point_theme pt ON"
                + " pt.theme_code = t.code JOIN point p ON p.id = pt.point_id AND p.on_map"
                + " GROUP BY t.code HAVING count(*) >= 3) boards"));
    assertTrue(
        number(
                c,
                "SELECT count(*) FROM (SELECT point_id FROM point_theme pt JOIN point p ON"
                    + " p.id = pt.point_id WHERE p.on_map GROUP BY point_id HAVING count(*) > 1) x")
            > 0,
        "some map points sit on two boards");
  }

  @Test
  void themesHaveDistinctColoursAndIcons() throws SQLException {
    assertEquals(8, number(c, "SELECT count(DISTINCT color) FROM theme"));
    assertEquals(8, number(c, "SELECT count(DISTINCT icon) FROM theme"));
    assertEquals(
        List.of(
            "CUSTOMS_REFORM",
            "ECO_CIVILIZATION",
            "ETHNIC_UNITY",
            "HEALTHY_LIVING",
            "INTANGIBLE_HERITAGE",
            "RED_IMPRINT",
            "SCHOLARLY_HORQIN",
            "SCIENCE_FOR_ALL"),
        texts(c, "SELECT code FROM theme ORDER BY code"));
  }

  @Test
  void everyPlaceLiesInsideHorqinDistrict() throws SQLException {
    String outside = " WHERE lat NOT BETWEEN 43.4 AND 43.9 OR lng NOT BETWEEN 121.9 AND 122.6";
    assertEquals(0, number(c, "SELECT count(*) FROM point" + outside));
    assertEquals(0, number(c, "SELECT count(*) FROM deployment" + outside));
  }

  @Test
  void pathsFollowTheParentChain() throws SQLException {
    assertEquals("1", DemoSql.text(c, "SELECT path::text FROM point WHERE parent_id IS NULL"));
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM point p JOIN point parent ON parent.id = p.parent_id"
                + " WHERE p.path <> parent.path || p.id::text"));
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM point p JOIN point parent ON parent.id = p.parent_id WHERE"
                + " NOT (p.level = 'STATION' AND parent.level = 'INSTITUTE'"
                + " OR p.level = 'INSTITUTE' AND parent.level = 'CENTER'"
                + " OR p.level = 'VENUE' AND parent.level = 'CENTER'"
                + " OR p.level IN ('BASE', 'SERVICE_POINT', 'MOBILE_POINT')"
                + "    AND parent.level IN ('CENTER', 'INSTITUTE'))"));
  }

  @Test
  void pointsHaveUniqueNamesInThreeLanguagesAndPublicLandlines() throws SQLException {
    assertEquals(0, number(c, "SELECT count(*) - count(DISTINCT name_zh) FROM point"));
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM point WHERE name_en IS NULL OR name_mn NOT LIKE '【蒙译待补】%'"
                + " OR address_zh IS NULL OR phone !~ '^0475-[0-9]{7}$'"));
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM point, unnest(facilities) f WHERE f NOT IN ('WHEELCHAIR_ACCESS',"
                + " 'PARKING', 'WIFI', 'TOILETS', 'NURSING_ROOM', 'DRINKING_WATER', 'LIBRARY',"
                + " 'STAGE', 'CLASSROOM')"));
  }

  @Test
  void openingHoursFollowChinesePublicPatterns() throws SQLException {
    assertEquals(
        0, number(c, "SELECT count(*) FROM opening_hours WHERE point_id = 1 AND weekday = 1"));
    assertEquals(6, number(c, "SELECT count(*) FROM opening_hours WHERE point_id = 1"));
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM (SELECT p.id FROM point p LEFT JOIN opening_hours h ON"
                + " h.point_id = p.id WHERE p.level = 'STATION' GROUP BY p.id"
                + " HAVING count(h.*) <> 10) odd"),
        "stations open Monday to Friday, morning and afternoon");
    assertTrue(
        number(
                c,
                "SELECT count(*) FROM opening_exception WHERE point_id = 1 AND closed"
                    + " AND note_en LIKE '%Spring Festival%'")
            >= 1,
        "the centre closes for the Spring Festival (unless the day is a Monday anyway)");
    assertTrue(
        number(c, "SELECT count(*) FROM opening_exception WHERE NOT closed AND closes > opens")
            > 0);
  }

  @Test
  void historyYearMatchesTheArticlesFigures() throws SQLException {
    String held =
        ANCHOR
            + "SELECT count(*) FROM activity, anchor WHERE starts_at >= t0 - interval '365 days'"
            + " AND ends_at <= t0 AND cancelled_at IS NULL";
    long activities = number(c, held);
    long festivals = number(c, held + " AND festival IS NOT NULL");
    assertTrue(activities >= 1680 && activities <= 1720, activities + " held");
    assertTrue(festivals >= 740 && festivals <= 770, festivals + " festival events");
    long served = personTimes(c);
    assertTrue(served >= 80_000 && served <= 83_000, served + " person-times");
    assertTrue(
        number(
                c,
                ANCHOR
                    + "SELECT count(*) FROM activity, anchor WHERE starts_at < t0"
                    + " AND cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL")
            > 0);
  }

  static long personTimes(Connection c) throws SQLException {
    String history =
        "SELECT a.id FROM activity a, anchor WHERE a.starts_at >= t0 - interval '365 days'"
            + " AND a.ends_at <= t0 AND a.cancelled_at IS NULL";
    return number(
        c,
        ANCHOR
            + "SELECT (SELECT coalesce(sum(party_size), 0) FROM booking WHERE status = 'CHECKED_IN'"
            + " AND activity_id IN ("
            + history
            + ")) + (SELECT coalesce(sum(count), 0) FROM attendance WHERE activity_id IN ("
            + history
            + "))");
  }

  @Test
  void festivalEventsFallAroundTheirFestivalDays() throws SQLException {
    for (Festivals f : Festivals.values()) {
      List<String> days =
          texts(
              c,
              "SELECT DISTINCT (starts_at AT TIME ZONE 'Asia/Shanghai')::date::text"
                  + " FROM activity WHERE festival = '"
                  + f.name()
                  + "'");
      for (String day : days) {
        java.time.LocalDate d = java.time.LocalDate.parse(day);
        boolean near =
            Festivals.between(d.minusDays(f.lastDay), d.minusDays(f.firstDay)).stream()
                .anyMatch(x -> x.festival() == f);
        assertTrue(near, f + " event on " + d);
      }
    }
    assertEquals(8, number(c, "SELECT count(DISTINCT festival) FROM activity"));
  }

  @Test
  void yearAheadOffersOverFifteenHundredBookableSessions() throws SQLException {
    long bookable =
        number(
            c,
            ANCHOR
                + "SELECT count(*) FROM activity, anchor WHERE capacity IS NOT NULL"
                + " AND starts_at >= t0 + interval '2 days' AND starts_at < t0 + interval '366 days'"
                + " AND cancelled_at IS NULL");
    assertTrue(bookable >= 1500, bookable + " bookable");
    assertTrue(
        number(
                c,
                ANCHOR
                    + "SELECT count(DISTINCT category) FROM activity, anchor WHERE starts_at >= t0")
            >= 9);
    assertTrue(
        number(
                c,
                ANCHOR
                    + "SELECT count(DISTINCT p.level) FROM activity a JOIN point p ON p.id ="
                    + " a.point_id, anchor WHERE a.starts_at >= t0")
            == 7);
  }

  @Test
  void bookableSessionsLastOneToThreeHoursInTheDaytime() throws SQLException {
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM activity WHERE capacity IS NOT NULL AND (ends_at - starts_at"
                + " NOT BETWEEN interval '1 hour' AND interval '3 hours' OR extract(hour FROM"
                + " starts_at AT TIME ZONE 'Asia/Shanghai') NOT BETWEEN 8 AND 19)"));
    long weekends =
        number(
            c,
            "SELECT count(*) FROM activity WHERE extract(isodow FROM starts_at AT TIME ZONE"
                + " 'Asia/Shanghai') >= 6");
    long all = number(c, "SELECT count(*) FROM activity");
    assertTrue(weekends * 7 > all * 2 * 1.3, weekends + " of " + all + " at weekends");
  }

  @Test
  void comingSessionsFillUpAndSomeKeepAWaitingList() throws SQLException {
    String upcoming =
        ANCHOR
            + "SELECT count(*) FROM activity a, anchor WHERE capacity IS NOT NULL"
            + " AND starts_at >= t0 + interval '1 day' AND cancelled_at IS NULL";
    long full = number(c, upcoming + " AND seats_taken = capacity");
    long partly = number(c, upcoming + " AND seats_taken BETWEEN 1 AND capacity - 1");
    assertTrue(full >= 20, full + " fully booked");
    assertTrue(partly >= 50, partly + " partly booked");
    assertTrue(
        number(
                c,
                upcoming
                    + " AND seats_taken = capacity AND EXISTS (SELECT 1 FROM booking b WHERE"
                    + " b.activity_id = a.id AND b.status = 'WAITLISTED')")
            > 0);
  }

  @Test
  void xilamulunParkMarketHasSeventySixStalls() throws SQLException {
    String market =
        ANCHOR
            + "SELECT a.id FROM activity a JOIN point p ON p.id = a.point_id, anchor WHERE"
            + " a.category = 'MARKET' AND p.name_zh LIKE '西拉木伦公园中心广场%'"
            + " AND a.ends_at <= t0 AND a.starts_at >= t0 - interval '365 days'"
            + " AND EXISTS (SELECT 1 FROM stall s WHERE s.activity_id = a.id)";
    String id = DemoSql.text(c, market);
    assertEquals(76, number(c, "SELECT count(*) FROM stall WHERE activity_id = " + id));
    assertEquals(76 * 77 / 2, number(c, "SELECT sum(number) FROM stall WHERE activity_id = " + id));
    assertTrue(
        number(c, "SELECT count(DISTINCT department) FROM stall WHERE activity_id = " + id) >= 8);
    assertTrue(
        number(
                c,
                ANCHOR
                    + "SELECT count(*) FROM activity a, anchor WHERE a.category = 'MARKET'"
                    + " AND a.starts_at > t0 AND EXISTS (SELECT 1 FROM stall s"
                    + " WHERE s.activity_id = a.id)")
            == 1);
  }

  @Test
  void seatsTakenEqualsTheSeatsHeldByBookings() throws SQLException {
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM activity a WHERE a.seats_taken <> (SELECT coalesce(sum("
                + "party_size), 0) FROM booking b WHERE b.activity_id = a.id"
                + " AND b.status IN ('CONFIRMED', 'CHECKED_IN'))"));
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM booking b JOIN activity a ON a.id = b.activity_id"
                + " WHERE a.capacity IS NULL"));
  }

  @Test
  void bookingsCarryFakeButWellFormedPersonalData() throws SQLException {
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM booking WHERE code !~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$'"
                + " OR phone !~ '^1[358][0-9]{9}$' OR source <> 'demo'"
                + " OR idempotency_key IS NOT NULL OR length(name) NOT BETWEEN 2 AND 5"));
    assertEquals(
        0,
        number(
            c,
            ANCHOR
                + "SELECT count(*) FROM booking b JOIN activity a ON a.id = b.activity_id, anchor"
                + " WHERE b.created_at >= a.starts_at OR b.created_at >= t0"
                + " OR b.created_at < a.created_at"
                + " OR (b.status = 'CHECKED_IN' AND (b.checked_in_at NOT BETWEEN a.starts_at"
                + "     AND a.ends_at OR b.confirmed_at IS NULL))"
                + " OR (b.status = 'CONFIRMED' AND b.confirmed_at IS NULL)"
                + " OR (b.status = 'CANCELLED') <> (b.cancelled_at IS NOT NULL)"
                + " OR (b.status IN ('CONFIRMED', 'WAITLISTED') AND a.ends_at <= t0)"
                + " OR (b.status IN ('CHECKED_IN', 'NO_SHOW') AND a.ends_at > t0)"));
  }

  @Test
  void mobileActivitiesHappenWhileTheirPointIsDeployed() throws SQLException {
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM activity a JOIN point p ON p.id = a.point_id"
                + " LEFT JOIN deployment d ON d.id = a.deployment_id"
                + " WHERE (p.level = 'MOBILE_POINT') <> (a.deployment_id IS NOT NULL)"
                + " OR d.point_id <> a.point_id OR a.starts_at < d.starts_at"
                + " OR a.ends_at > d.ends_at"));
    assertEquals(
        0,
        number(
            c,
            "SELECT count(*) FROM deployment d1 JOIN deployment d2 ON d1.point_id = d2.point_id"
                + " AND d1.id < d2.id AND d1.starts_at < d2.ends_at AND d2.starts_at < d1.ends_at"));
    long deployedAtNoon =
        number(
            c,
            ANCHOR
                + "SELECT count(DISTINCT point_id) FROM deployment, anchor"
                + " WHERE t0 + interval '12 hours' BETWEEN starts_at AND ends_at");
    assertTrue(deployedAtNoon >= 20, deployedAtNoon + " of 30 deployed at noon");
  }

  @Test
  void monthlyThemesCoverTwentyFourMonthsAroundTheAnchor() throws SQLException {
    assertEquals(24, number(c, "SELECT count(*) FROM monthly_theme"));
    assertEquals(
        1,
        number(
            c,
            "SELECT count(*) FROM monthly_theme, app_meta WHERE key = 'demo_anchor_day'"
                + " AND month = date_trunc('month', value::date)"));
    assertEquals(
        23 * 1L,
        number(
            c,
            "SELECT (extract(year FROM age(max(month), min(month))) * 12"
                + " + extract(month FROM age(max(month), min(month))))::int FROM monthly_theme"));
    assertEquals(8, number(c, "SELECT count(DISTINCT theme_code) FROM monthly_theme"));
  }

  @Test
  void kioskHasSomethingOnTodayAndInTheNextDaysNearTheCentre() throws SQLException {
    long ongoing =
        number(
            c,
            ANCHOR
                + "SELECT count(*) FROM activity, anchor WHERE cancelled_at IS NULL AND"
                + " t0 + interval '10 hours' BETWEEN starts_at AND ends_at");
    assertTrue(ongoing >= 3, ongoing + " ongoing at 10:00");
    long soon =
        number(
            c,
            ANCHOR
                + "SELECT count(*) FROM activity a JOIN point p ON p.id = a.point_id, anchor,"
                + " point centre WHERE centre.id = 1 AND a.capacity IS NOT NULL"
                + " AND a.starts_at BETWEEN t0 + interval '1 day' AND t0 + interval '4 days'"
                + " AND earth_distance(ll_to_earth(p.lat, p.lng),"
                + " ll_to_earth(centre.lat, centre.lng)) < 3000");
    assertTrue(soon >= 8, soon + " bookable near the centre in the next days");
  }

  @Test
  void demoCentreStandsAtTheCentreAndEachMobilePointHasAKiosk() throws SQLException {
    assertEquals(
        "CENTER",
        DemoSql.text(
            c,
            "SELECT p.level FROM kiosk k JOIN point p ON p.id = k.point_id"
                + " WHERE k.id = 'demo-centre'"));
    assertEquals(31, number(c, "SELECT count(*) FROM kiosk"));
    assertEquals(
        30,
        number(
            c,
            "SELECT count(DISTINCT k.point_id) FROM kiosk k JOIN point p ON p.id = k.point_id"
                + " WHERE p.level = 'MOBILE_POINT' AND k.id ~ '^mobile-[0-3][0-9]$'"
                + " AND k.override_lat IS NULL"));
    assertEquals(
        "mobile-01", DemoSql.text(c, "SELECT min(id) FROM kiosk WHERE id <> 'demo-centre'"));
    assertEquals("mobile-30", DemoSql.text(c, "SELECT max(id) FROM kiosk"));
  }

  @Test
  void identitySequencesContinueAfterTheDemoRows() throws SQLException {
    for (String table :
        List.of("point", "deployment", "activity", "stall", "booking", "attendance")) {
      assertTrue(
          number(
                  c,
                  "SELECT (nextval(pg_get_serial_sequence('"
                      + table
                      + "', 'id')) > (SELECT max(id) FROM "
                      + table
                      + "))::int")
              == 1,
          table);
    }
  }
}
