package org.practicemap.db.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.practicemap.common.LocalZone;

/** Local wall-clock times of the network turned into instants, as the timestamptz columns want. */
final class DemoTime {
  private DemoTime() {}

  static OffsetDateTime at(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, LocalZone.ID).toOffsetDateTime();
  }

  static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return at(day, LocalTime.of(hour, minute));
  }

  static OffsetDateTime startOf(LocalDate day) {
    return at(day, LocalTime.MIDNIGHT);
  }
}
