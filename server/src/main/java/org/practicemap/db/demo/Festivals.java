package org.practicemap.db.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traditional festivals of "Our Festivals" (我们的节日) on the Gregorian calendar.
 *
 * <p>Lunar dates cannot be derived with java.time, and an astronomical calculation is easy to get
 * wrong by a day when a new moon falls near midnight Beijing time, so the dates are a table taken
 * from the official Chinese calendar. It was cross-checked against ICU's Chinese calendar, which
 * disagrees only on the New Year of 2027 and 2030 (ICU: 7 Feb 2027 and 2 Feb 2030; the official
 * calendar: 6 Feb and 3 Feb, the new moons falling minutes from midnight). Qingming is a solar term
 * (Sun at 15°), the others are lunar: Laba (12th month, 8th day) is listed on the Gregorian day it
 * falls on, usually in January.
 *
 * <p>The table covers 2023–2030, enough for a demo anchored on any day of 2024–2029 (one year of
 * history and one year ahead). Outside it no festival events are generated and a warning says so.
 */
enum Festivals {
  // 春节: 1st day of the 1st lunar month
  SPRING_FESTIVAL(
      -10,
      6,
      "2023-01-22",
      "2024-02-10",
      "2025-01-29",
      "2026-02-17",
      "2027-02-06",
      "2028-01-26",
      "2029-02-13",
      "2030-02-03"),
  // 元宵节: 15th day of the 1st month
  LANTERN_FESTIVAL(
      -3,
      0,
      "2023-02-05",
      "2024-02-24",
      "2025-02-12",
      "2026-03-03",
      "2027-02-20",
      "2028-02-09",
      "2029-02-27",
      "2030-02-17"),
  // 清明节: the solar term
  QINGMING(
      -4,
      1,
      "2023-04-05",
      "2024-04-04",
      "2025-04-04",
      "2026-04-05",
      "2027-04-05",
      "2028-04-04",
      "2029-04-04",
      "2030-04-05"),
  // 端午节: 5th day of the 5th month
  DRAGON_BOAT(
      -4,
      0,
      "2023-06-22",
      "2024-06-10",
      "2025-05-31",
      "2026-06-19",
      "2027-06-09",
      "2028-05-28",
      "2029-06-16",
      "2030-06-05"),
  // 七夕节: 7th day of the 7th month
  QIXI(
      -2,
      0,
      "2023-08-22",
      "2024-08-10",
      "2025-08-29",
      "2026-08-19",
      "2027-08-08",
      "2028-08-26",
      "2029-08-16",
      "2030-08-05"),
  // 中秋节: 15th day of the 8th month
  MID_AUTUMN(
      -5,
      1,
      "2023-09-29",
      "2024-09-17",
      "2025-10-06",
      "2026-09-25",
      "2027-09-15",
      "2028-10-03",
      "2029-09-22",
      "2030-09-12"),
  // 重阳节: 9th day of the 9th month
  DOUBLE_NINTH(
      -3,
      2,
      "2023-10-23",
      "2024-10-11",
      "2025-10-29",
      "2026-10-18",
      "2027-10-08",
      "2028-10-26",
      "2029-10-16",
      "2030-10-05"),
  // 腊八节: 8th day of the 12th month
  LABA(
      -1,
      0,
      "2022-12-30",
      "2024-01-18",
      "2025-01-07",
      "2026-01-26",
      "2027-01-15",
      "2028-01-04",
      "2029-01-22",
      "2030-01-11");

  static final LocalDate KNOWN_FROM = LocalDate.of(2023, 1, 1);
  static final LocalDate KNOWN_UNTIL = LocalDate.of(2030, 12, 31);
  private static final Logger log = LoggerFactory.getLogger(Festivals.class);

  /** The days around the festival that carry its events, relative to the festival day. */
  final int firstDay;

  final int lastDay;
  private final List<LocalDate> dates;

  Festivals(int firstDay, int lastDay, String... dates) {
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.dates = List.of(dates).stream().map(LocalDate::parse).toList();
  }

  /** A festival on one day. */
  record Day(Festivals festival, LocalDate date) {}

  /** Logs once when the demo's days reach outside the table, where festivals are left out. */
  static void warnIfNotCovered(LocalDate from, LocalDate to) {
    if (from.isBefore(KNOWN_FROM) || to.isAfter(KNOWN_UNTIL)) {
      log.warn(
          "Festival dates are known for {} to {} only; festivals outside are left out of {} to {}",
          KNOWN_FROM,
          KNOWN_UNTIL,
          from,
          to);
    }
  }

  /** Every festival day between two days, inclusive, in table order. */
  static List<Day> between(LocalDate from, LocalDate to) {
    List<Day> found = new ArrayList<>();
    for (Festivals f : values()) {
      for (LocalDate d : f.dates) {
        if (!d.isBefore(from) && !d.isAfter(to)) {
          found.add(new Day(f, d));
        }
      }
    }
    return found;
  }

  /** The Spring Festival of a Gregorian year. */
  static LocalDate springFestivalIn(int year) {
    for (LocalDate d : SPRING_FESTIVAL.dates) {
      if (d.getYear() == year) {
        return d;
      }
    }
    // Outside the table: always late January or February, close enough for a month's theme.
    return LocalDate.of(year, 2, 5);
  }
}
