package org.practicemap.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes iCalendar (RFC 5545) files: CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character, text values escaped, times in UTC (so no VTIMEZONE is needed and every calendar
 * shows them in its own zone).
 */
public final class ICalendar {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int MAX_OCTETS = 75;

  private final StringBuilder out = new StringBuilder();

  private ICalendar() {}

  /** A calendar of these events; {@code name} is the calendar's display name. */
  public static String of(String name, Instant stamp, List<CalendarEvent> events) {
    ICalendar cal = new ICalendar();
    cal.line("BEGIN", "VCALENDAR");
    cal.line("VERSION", "2.0");
    cal.line("PRODID", "-//Practice Map//Horqin New-Era Civilization Practice//ZH");
    cal.line("CALSCALE", "GREGORIAN");
    cal.line("METHOD", "PUBLISH");
    cal.line("X-WR-CALNAME", text(name));
    events.forEach(e -> cal.event(e, stamp));
    cal.line("END", "VCALENDAR");
    return cal.out.toString();
  }

  private void event(CalendarEvent e, Instant stamp) {
    line("BEGIN", "VEVENT");
    line("UID", text(e.uid()));
    line("SEQUENCE", Integer.toString(e.sequence()));
    line("DTSTAMP", UTC.format(stamp));
    line("DTSTART", UTC.format(e.start()));
    line("DTEND", UTC.format(e.end()));
    line("SUMMARY", text(e.summary()));
    optional("DESCRIPTION", e.description());
    optional("LOCATION", e.location());
    if (e.lat() != null && e.lng() != null) {
      line("GEO", e.lat() + ";" + e.lng());
    }
    if (e.url() != null) {
      line("URL", e.url());
    }
    line("STATUS", e.status());
    if (e.alarmBefore() != null) {
      line("BEGIN", "VALARM");
      line("ACTION", "DISPLAY");
      line("TRIGGER", "-" + e.alarmBefore().toString());
      line("DESCRIPTION", text(e.alarmText() != null ? e.alarmText() : e.summary()));
      line("END", "VALARM");
    }
    line("END", "VEVENT");
  }

  private void optional(String name, String value) {
    if (value != null && !value.isBlank()) {
      line(name, text(value));
    }
  }

  /** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
  public static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** Writes {@code NAME:value}, folded: continuation lines start with one space. */
  private void line(String name, String value) {
    String content = name + ":" + value;
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 0;
        limit = MAX_OCTETS - 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
