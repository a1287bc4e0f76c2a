package org.practicemap.db.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * Weekly opening patterns of Chinese public places, in local time. Offices close for a lunch break
 * (two periods a day); museums and the centre close on Mondays; parks and squares open early for
 * morning exercise and late for evening square dancing.
 */
enum Hours {
  /** The centre, museums, memorials, the culture hall: Tuesday to Sunday. */
  MUSEUM(false, period(9, 0, 17, 0)),
  LIBRARY(false, period(9, 0, 20, 0)),
  /** Institutes, stations and offices: weekdays with a lunch break. */
  OFFICE(true, period(8, 30, 12, 0), period(14, 30, 17, 30)),
  PARK(true, period(6, 0, 21, 0)),
  /** Open-air bases: memorial grounds, wetlands, demonstration fields. */
  GROUNDS(true, period(8, 0, 17, 0)),
  SERVICE(true, period(8, 0, 18, 0)),
  SPORTS_HALL(true, period(8, 0, 21, 0)),
  READING_ROOM(true, period(9, 0, 21, 0)),
  /** Mobile points keep no hours of their own: they follow their deployments. */
  NONE(true);

  record Period(LocalTime opens, LocalTime closes) {}

  private final boolean mondays;
  final List<Period> periods;

  Hours(boolean mondays, Period... periods) {
    this.mondays = mondays;
    this.periods = List.of(periods);
  }

  boolean opensOn(DayOfWeek day) {
    if (periods.isEmpty()) {
      return false;
    }
    if (this == OFFICE) {
      return day.getValue() <= 5;
    }
    return mondays || day != DayOfWeek.MONDAY;
  }

  private static Period period(int h1, int m1, int h2, int m2) {
    return new Period(LocalTime.of(h1, m1), LocalTime.of(h2, m2));
  }
}
