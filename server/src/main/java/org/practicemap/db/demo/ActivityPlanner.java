package org.practicemap.db.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.practicemap.db.demo.DemoPoint.Level;
import org.practicemap.db.demo.Deployments.Deployment;
import org.practicemap.db.demo.Template.Where;

/**
 * Turns a template into a concrete activity: a day (weekends busier), a point, a starting time, a
 * length, seats and the moment it was published. Rules that keep the calendar believable: nothing
 * ordinary on New Year's Eve or the first two days of the Spring Festival, nothing at a museum on
 * its closed Monday, open-air activities only in the warm months, and an activity at a mobile point
 * only while one of its deployments covers it.
 */
final class ActivityPlanner {
  private static final double WEEKEND_WEIGHT = 2.5;

  /** The month's theme board draws more of that month's activities ("one month, one theme"). */
  private static final int MONTH_THEME_BOOST = 3;

  private final Deployments deployments;
  private final PointPicker picker;
  private final OffsetDateTime anchorStart;

  ActivityPlanner(Network network, Deployments deployments, LocalDate anchorDay) {
    this.deployments = deployments;
    this.picker = new PointPicker(network);
    this.anchorStart = DemoTime.startOf(anchorDay);
  }

  /** An activity from the pool on a day between two days, inclusive. */
  DemoActivity regular(Random r, List<Template> pool, LocalDate from, LocalDate to) {
    for (int attempt = 0; attempt < 500; attempt++) {
      LocalDate day = day(r, from, to);
      String monthTheme = MonthlyThemes.of(YearMonth.from(day)).theme();
      Template t = weighted(r, pool, monthTheme);
      DemoPoint point = picker.pick(r, t.where(), t.theme());
      if (!fits(t, point, day, false)) {
        continue;
      }
      DemoActivity a = build(r, t, point, day, null, startOf(r, t), minutes(r, t));
      if (a != null) {
        return a;
      }
    }
    throw new IllegalStateException("No day between " + from + " and " + to + " fits the pool");
  }

  /** A festival event on its day, at a station, an institute or a map point of its board. */
  DemoActivity festive(Random r, Template t, Festivals festival, LocalDate day) {
    for (int attempt = 0; attempt < 100; attempt++) {
      boolean themed = t.where() == Where.BOARD || r.nextDouble() < 0.15;
      DemoPoint point = themed ? picker.onBoard(r, t.theme()) : picker.inNetwork(r);
      if (fits(t, point, day, true)) {
        return build(r, t, point, day, festival, startOf(r, t), minutes(r, t));
      }
    }
    throw new IllegalStateException("No point fits " + t.title().en() + " on " + day);
  }

  /** An activity at a given point and time (the article's events, the kiosk's showcase). */
  DemoActivity fixed(
      Random r, Template t, DemoPoint point, LocalDate day, LocalTime start, int min) {
    DemoActivity a = build(r, t, point, day, null, start, min);
    if (a == null) {
      throw new IllegalStateException("No deployment covers " + t.title().en() + " on " + day);
    }
    return a;
  }

  private boolean fits(Template t, DemoPoint point, LocalDate day, boolean festival) {
    if (!t.season().allows(day.getMonth())) {
      return false;
    }
    boolean museumMonday =
        (point.hours() == Hours.MUSEUM || point.hours() == Hours.LIBRARY)
            && day.getDayOfWeek() == DayOfWeek.MONDAY;
    return !museumMonday && (festival || !isSpringFestivalRest(day));
  }

  private static boolean isSpringFestivalRest(LocalDate day) {
    long since = day.toEpochDay() - Festivals.springFestivalIn(day.getYear()).toEpochDay();
    return since >= -1 && since <= 1;
  }

  private DemoActivity build(
      Random r,
      Template t,
      DemoPoint point,
      LocalDate day,
      Festivals festival,
      LocalTime start,
      int minutes) {
    OffsetDateTime startsAt = DemoTime.at(day, start);
    OffsetDateTime endsAt = startsAt.plusMinutes(minutes);
    Long deploymentId = null;
    if (point.level() == Level.MOBILE_POINT) {
      Deployment d = deployments.covering(point.id(), startsAt, endsAt);
      if (d == null) {
        return null;
      }
      deploymentId = d.id();
    }
    Words title = t.variants().isEmpty() ? t.title() : t.title().with(pick(r, t.variants()));
    Integer capacity = t.bookable() ? seats(r, t, point) : null;
    return new DemoActivity(
        0,
        point.id(),
        deploymentId,
        t.theme(),
        t.category(),
        festival == null ? null : festival.name(),
        t.department(),
        title,
        t.description(),
        startsAt,
        endsAt,
        capacity,
        capacity != null && r.nextDouble() < 0.9,
        null,
        null,
        publishedAt(r, startsAt),
        crowd(r, t, point));
  }

  /** Published one to four weeks ahead, and never after the demo's day began. */
  private OffsetDateTime publishedAt(Random r, OffsetDateTime startsAt) {
    OffsetDateTime at =
        startsAt.minusDays(3 + r.nextInt(26)).withHour(9 + r.nextInt(8)).withMinute(r.nextInt(60));
    if (at.isAfter(anchorStart.minusHours(2))) {
      at = anchorStart.minusHours(2 + r.nextInt(24 * 20)).withMinute(r.nextInt(60));
    }
    return at;
  }

  private static int seats(Random r, Template t, DemoPoint point) {
    int seats = t.minSeats() + r.nextInt(t.maxSeats() - t.minSeats() + 1);
    if (point.level() == Level.STATION) {
      seats = Math.min(seats, 40);
    }
    return seats >= 30 ? seats / 5 * 5 : seats;
  }

  private static double crowd(Random r, Template t, DemoPoint point) {
    double place =
        switch (point.level()) {
          case CENTER -> 4;
          case VENUE -> 3;
          case BASE -> 2.5;
          case INSTITUTE -> 2;
          case SERVICE_POINT -> 1.2;
          case STATION, MOBILE_POINT -> 1;
        };
    double kind =
        switch (t.category()) {
          case Codes.MARKET -> 3;
          case Codes.PERFORMANCE, Codes.EXHIBITION -> 1.5;
          case Codes.FESTIVAL -> 1.3;
          case Codes.SPORTS -> 1.2;
          case Codes.FREE_CLINIC -> 0.8;
          default -> 0.7;
        };
    return place * kind * (0.7 + 0.6 * r.nextDouble());
  }

  private static LocalTime startOf(Random r, Template t) {
    return pick(r, t.slot().starts);
  }

  private static int minutes(Random r, Template t) {
    int steps = (t.maxMinutes() - t.minMinutes()) / 30;
    return t.minMinutes() + 30 * r.nextInt(steps + 1);
  }

  /**
   * A day between two days, inclusive, Saturdays and Sundays {@value #WEEKEND_WEIGHT}× as likely.
   */
  static LocalDate day(Random r, LocalDate from, LocalDate to) {
    int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    while (true) {
      LocalDate d = from.plusDays(r.nextInt(span));
      boolean weekend = d.getDayOfWeek().getValue() >= 6;
      if (weekend || r.nextDouble() < 1 / WEEKEND_WEIGHT) {
        return d;
      }
    }
  }

  private static Template weighted(Random r, List<Template> pool, String boosted) {
    int total = 0;
    for (Template t : pool) {
      total += weightOf(t, boosted);
    }
    int x = r.nextInt(total);
    for (Template t : pool) {
      x -= weightOf(t, boosted);
      if (x < 0) {
        return t;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static int weightOf(Template t, String boosted) {
    return t.theme().equals(boosted) ? t.weight() * MONTH_THEME_BOOST : t.weight();
  }

  static <T> T pick(Random r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
