package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weekly hours of every point and the days that differ, over the demo's two years. Offices close
 * for the Spring Festival week, New Year's Day, Labour Day and the first days of National Day;
 * museums close on New Year's Eve and Day but stay open, longer, through National Day week (Monday
 * included); parks open shorter on New Year's Eve and longer for the Lantern Festival. Only days
 * that actually change something are written.
 */
final class OpeningHours {
  record Special(boolean closed, LocalTime opens, LocalTime closes, Words note) {}

  private static final Words SPRING_FESTIVAL_CLOSED =
      new Words("春节假期闭馆", "Closed for the Spring Festival holiday");
  private static final Words NEW_YEAR_CLOSED = new Words("元旦假期休息", "Closed for New Year's Day");
  private static final Words LABOUR_DAY_CLOSED = new Words("劳动节休息", "Closed for Labour Day");
  private static final Words NATIONAL_DAY_CLOSED =
      new Words("国庆假期休息", "Closed for the National Day holiday");
  private static final Words NATIONAL_DAY_LONGER =
      new Words("国庆假期延长开放", "Longer hours for National Day week");
  private static final Words NATIONAL_DAY_MONDAY =
      new Words("国庆假期周一照常开放", "Open this Monday for National Day week");
  private static final Words NEW_YEARS_EVE_SHORT =
      new Words("除夕提前闭园", "Closes early on New Year's Eve");
  private static final Words LANTERN_LONGER =
      new Words("元宵灯会延长开放", "Open late for the Lantern Festival lanterns");
  private static final Words BOOK_DAY_LONGER =
      new Words("世界读书日延长开放", "Open late for World Book Day");
  private static final Words QINGMING_LONGER =
      new Words("清明祭扫延长开放", "Longer hours for Qingming remembrance");

  private OpeningHours() {}

  static void write(Connection c, Network network, LocalDate anchorDay) throws SQLException {
    Rows weekly = Rows.into("opening_hours", "point_id", "weekday", "opens", "closes");
    Rows exceptions =
        Rows.into(
            "opening_exception",
            "point_id",
            "day",
            "closed",
            "opens",
            "closes",
            "note_zh",
            "note_mn",
            "note_en");
    LocalDate from = anchorDay.minusDays(365);
    LocalDate to = anchorDay.plusDays(365);
    Map<Hours, Map<LocalDate, Special>> byPattern = new LinkedHashMap<>();
    for (Hours h : Hours.values()) {
      byPattern.put(h, specialDays(h, from, to));
    }
    for (DemoPoint p : network.all()) {
      Hours h = p.hours();
      for (DayOfWeek day : DayOfWeek.values()) {
        if (h.opensOn(day)) {
          for (Hours.Period period : h.periods) {
            weekly.add(p.id(), day.getValue(), period.opens(), period.closes());
          }
        }
      }
      for (Map.Entry<LocalDate, Special> e : byPattern.get(h).entrySet()) {
        Special s = e.getValue();
        exceptions.add(
            p.id(),
            e.getKey(),
            s.closed(),
            s.opens(),
            s.closes(),
            s.note().zh(),
            s.note().mn(),
            s.note().en());
      }
    }
    weekly.write(c);
    exceptions.write(c);
  }

  /** The days of a pattern that differ from its weekly hours, in date order. */
  static Map<LocalDate, Special> specialDays(Hours h, LocalDate from, LocalDate to) {
    Map<LocalDate, Special> days = new LinkedHashMap<>();
    if (h == Hours.NONE) {
      return days;
    }
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Special s = special(h, d);
      boolean changesSomething = s != null && (!s.closed() || h.opensOn(d.getDayOfWeek()));
      if (changesSomething) {
        days.put(d, s);
      }
    }
    return days;
  }

  private static Special special(Hours h, LocalDate d) {
    LocalDate springFestival = Festivals.springFestivalIn(d.getYear());
    long fromSpringFestival = springFestival.toEpochDay() - d.toEpochDay();
    long sinceSpringFestival = -fromSpringFestival;
    boolean newYearsEve = fromSpringFestival == 1;
    MonthDay md = MonthDay.from(d);
    return switch (h) {
      case OFFICE -> {
        if (sinceSpringFestival >= -1 && sinceSpringFestival <= 5) {
          yield closed(SPRING_FESTIVAL_CLOSED);
        }
        if (md.equals(MonthDay.of(1, 1))) {
          yield closed(NEW_YEAR_CLOSED);
        }
        if (md.equals(MonthDay.of(5, 1))) {
          yield closed(LABOUR_DAY_CLOSED);
        }
        yield d.getMonthValue() == 10 && d.getDayOfMonth() <= 3
            ? closed(NATIONAL_DAY_CLOSED)
            : null;
      }
      case MUSEUM, LIBRARY -> {
        if (newYearsEve || sinceSpringFestival == 0) {
          yield closed(SPRING_FESTIVAL_CLOSED);
        }
        if (d.getMonthValue() == 10 && d.getDayOfMonth() <= 7) {
          boolean monday = d.getDayOfWeek() == DayOfWeek.MONDAY;
          yield open(8, 30, 18, 0, monday ? NATIONAL_DAY_MONDAY : NATIONAL_DAY_LONGER);
        }
        yield h == Hours.LIBRARY && md.equals(MonthDay.of(4, 23))
            ? open(9, 0, 21, 0, BOOK_DAY_LONGER)
            : null;
      }
      case PARK -> {
        if (newYearsEve) {
          yield open(6, 0, 17, 0, NEW_YEARS_EVE_SHORT);
        }
        yield sinceSpringFestival == 14 ? open(6, 0, 22, 30, LANTERN_LONGER) : null;
      }
      case GROUNDS -> {
        if (sinceSpringFestival >= -1 && sinceSpringFestival <= 1) {
          yield closed(SPRING_FESTIVAL_CLOSED);
        }
        yield isAroundQingming(d) ? open(6, 0, 18, 0, QINGMING_LONGER) : null;
      }
      case SERVICE, SPORTS_HALL, READING_ROOM ->
          sinceSpringFestival >= -1 && sinceSpringFestival <= 1
              ? closed(SPRING_FESTIVAL_CLOSED)
              : null;
      case NONE -> null;
    };
  }

  private static boolean isAroundQingming(LocalDate d) {
    for (Festivals.Day q : Festivals.between(d, d.plusDays(2))) {
      if (q.festival() == Festivals.QINGMING) {
        return true;
      }
    }
    return false;
  }

  private static Special closed(Words note) {
    return new Special(true, null, null, note);
  }

  private static Special open(int h1, int m1, int h2, int m2, Words note) {
    return new Special(false, LocalTime.of(h1, m1), LocalTime.of(h2, m2), note);
  }
}
