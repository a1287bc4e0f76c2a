package org.practicemap.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/**
 * Writes iCalendar (RFC 5545) files: CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character, text values escaped. A single file ({@link #of}) has its times in UTC, so no
 * VTIMEZONE is needed and every calendar shows them in its own zone; a subscribed feed ({@link
 * #feed}) has them in the network's zone, with its VTIMEZONE, so that calendar apps show the local
 * time the activity was announced with.
 */
public final class ICalendar {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
  private static final int MAX_OCTETS = 75;

  private final StringBuilder out = new StringBuilder();
  private final ZoneId zone;

  private ICalendar() {
    this(null);
  }

  private ICalendar(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * What a subscribed calendar says about itself: its name, when it was generated (DTSTAMP), the
   * zone of its times, and how often calendar apps should fetch it again.
   */
  public record Feed(String name, Instant stamp, ZoneId zone, Duration refresh) {}

  /**
   * A calendar that apps subscribe to: times local to {@code feed.zone()} with its VTIMEZONE, a
   * refresh interval (RFC 7986, and the X-PUBLISHED-TTL older apps read). The zone must keep one
   * offset from now on (no daylight saving), as China's does.
   */
  public static String feed(Feed feed, List<CalendarEvent> events) {
    ICalendar cal = new ICalendar(feed.zone());
    cal.line("BEGIN", "VCALENDAR");
    cal.line("VERSION", "2.0");
    cal.line("PRODID", "-//Practice Map//Horqin New-Era Civilization Practice//ZH");
    cal.line("CALSCALE", "GREGORIAN");
    cal.line("METHOD", "PUBLISH");
    cal.line("X-WR-CALNAME", text(feed.name()));
    cal.line("NAME", text(feed.name()));
    cal.line("X-WR-TIMEZONE", feed.zone().getId());
    cal.line("REFRESH-INTERVAL;VALUE=DURATION", feed.refresh().toString());
    cal.line("X-PUBLISHED-TTL", feed.refresh().toString());
    cal.timezone(Instant.now());
    events.forEach(e -> cal.event(e, feed.stamp()));
    cal.line("END", "VCALENDAR");
    return cal.out.toString();
  }

  /** The VTIMEZONE of a zone without daylight saving: one STANDARD observance. */
  private void timezone(Instant now) {
    ZoneRules rules = zone.getRules();
    if (rules.nextTransition(now) != null) {
      throw new IllegalArgumentException(zone + " changes its offset; feeds support fixed ones");
    }
    ZoneOffsetTransition last = rules.previousTransition(now);
    LocalDateTime since =
        last == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : last.getDateTimeAfter();
    String offset = offset(rules.getOffset(now));
    line("BEGIN", "VTIMEZONE");
    line("TZID", zone.getId());
    line("BEGIN", "STANDARD");
    line("DTSTART", LOCAL.format(since));
    line("TZOFFSETFROM", offset);
    line("TZOFFSETTO", offset);
    // The standard time's own abbreviation ("CST"), not the zone's generic one ("CT").
    line("TZNAME", text(DateTimeFormatter.ofPattern("zzz", Locale.US).format(now.atZone(zone))));
    line("END", "STANDARD");
    line("END", "VTIMEZONE");
  }

  /** {@code +0800}: the UTC-OFFSET form, hours and minutes without a colon. */
  private static String offset(ZoneOffset offset) {
    int minutes = offset.getTotalSeconds() / 60;
    return String.format(
        Locale.ROOT,
        "%s%02d%02d",
        minutes < 0 ? "-" : "+",
        Math.abs(minutes) / 60,
        Math.abs(minutes) % 60);
  }

  /** DTSTART and DTEND: UTC in a single file, local with TZID in a feed. */
  private void time(String name, Instant instant) {
    if (zone == null) {
      line(name, UTC.format(instant));
      return;
    }
    line(name + ";TZID=" + zone.getId(), LOCAL.format(instant.atZone(zone)));
  }

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
    time("DTSTART", e.start());
    time("DTEND", e.end());
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
