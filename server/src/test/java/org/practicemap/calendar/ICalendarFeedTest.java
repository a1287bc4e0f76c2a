package org.practicemap.calendar;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds carry local times with their VTIMEZONE; only zones that keep one offset are accepted. */
class ICalendarFeedTest {
  private static final CalendarEvent EVENT =
      new CalendarEvent(
          "a-1@test",
          1,
          Instant.parse("2026-01-03T01:30:00Z"),
          Instant.parse("2026-01-03T03:00:00Z"),
          "课",
          null,
          null,
          null,
          null,
          null,
          "CONFIRMED",
          null,
          null);

  @Test
  void shanghaiFeedHasItsTimezoneAndLocalTimes() {
    String ics =
        ICalendar.feed(
            new ICalendar.Feed(
                "中心",
                Instant.parse("2026-01-01T00:00:00Z"),
                ZoneId.of("Asia/Shanghai"),
                Duration.ofHours(1)),
            List.of(EVENT));
    assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\n"), ics);
    assertTrue(ics.contains("DTSTART:19910915T010000\r\n"), "since the last change of offset");
    assertTrue(ics.contains("TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\n"), ics);
    assertTrue(ics.contains("DTSTART;TZID=Asia/Shanghai:20260103T093000\r\n"), ics);
    assertTrue(ics.contains("DTSTAMP:20260101T000000Z\r\n"), "DTSTAMP stays UTC");
    assertTrue(ics.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"), ics);
  }

  @Test
  void aZoneWithDaylightSavingIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ICalendar.feed(
                new ICalendar.Feed(
                    "x", Instant.now(), ZoneId.of("Europe/Berlin"), Duration.ofHours(1)),
                List.of(EVENT)));
  }
}
