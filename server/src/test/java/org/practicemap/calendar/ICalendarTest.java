package org.practicemap.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** iCalendar as RFC 5545 writes it: CRLF, folding at 75 octets, escaping, UTC times. */
class ICalendarTest {
  static final Instant START = Instant.parse("2026-01-03T06:00:00Z");

  static CalendarEvent event(String summary, String location, Duration alarm) {
    return new CalendarEvent(
        "booking-1@practicemap",
        2,
        START,
        START.plusSeconds(7200),
        summary,
        "line one\nline two",
        location,
        43.62,
        122.26,
        "https://map.example.cn/t/ABC",
        "CONFIRMED",
        alarm,
        "soon");
  }

  @Test
  void everyLineEndsWithCrlfAndNoneIsLongerThan75Octets() {
    String title = "非遗剪纸体验课：".repeat(12);
    String ics =
        ICalendar.of("日历", START, List.of(event(title, "通辽市科尔沁区西拉木伦公园中心广场", Duration.ofHours(1))));
    assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
    assertFalse(ics.replace("\r\n", "").contains("\n"), "bare LF");
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
      assertFalse(line.contains("\uFFFD"), "split a character: " + line);
    }
    assertEquals("SUMMARY:" + title.replace("：", "："), unfolded(ics, "SUMMARY"));
  }

  @Test
  void textIsEscapedAndTimesAreUtc() {
    String ics = ICalendar.of("c", START, List.of(event("A; B, C\\D", "X", null)));
    assertEquals("SUMMARY:A\\; B\\, C\\\\D", unfolded(ics, "SUMMARY"));
    assertEquals("DESCRIPTION:line one\\nline two", unfolded(ics, "DESCRIPTION"));
    assertEquals("DTSTART:20260103T060000Z", unfolded(ics, "DTSTART"));
    assertEquals("DTEND:20260103T080000Z", unfolded(ics, "DTEND"));
    assertEquals("GEO:43.62;122.26", unfolded(ics, "GEO"));
    assertFalse(ics.contains("BEGIN:VALARM"), "no alarm asked for");
  }

  @Test
  void aReminderIsAnAlarmBeforeTheStart() {
    String ics = ICalendar.of("c", START, List.of(event("A", "X", Duration.ofHours(1))));
    String alarm = ics.substring(ics.indexOf("BEGIN:VALARM"), ics.indexOf("END:VALARM"));
    assertTrue(alarm.contains("ACTION:DISPLAY\r\n"));
    assertTrue(alarm.contains("TRIGGER:-PT1H\r\n"));
    assertTrue(alarm.contains("DESCRIPTION:soon\r\n"));
  }

  /** The whole content line for a property, unfolded (RFC 5545 §3.1). */
  static String unfolded(String ics, String name) {
    String text = ics.replace("\r\n ", "");
    return text.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow();
  }
}
