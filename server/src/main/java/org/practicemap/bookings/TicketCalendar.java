package org.practicemap.bookings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.practicemap.calendar.CalendarEvent;
import org.practicemap.calendar.ICalendar;
import org.practicemap.common.Lang;

/** A ticket as an iCalendar file: the activity, its place and address, and a reminder. */
final class TicketCalendar {
  static final Duration REMINDER = Duration.ofHours(1);

  private TicketCalendar() {}

  static String of(TicketView t, Lang lang, String ticketUrl, Instant now) {
    String title = t.title().in(lang);
    String place = t.place().in(lang);
    String address = t.address().in(lang);
    String location = address == null ? place : place + ", " + address;
    CalendarEvent event =
        new CalendarEvent(
            uid(t.code()),
            (int) Math.min(Integer.MAX_VALUE, t.version()),
            t.startsAt().toInstant(),
            t.endsAt().toInstant(),
            title,
            description(t, lang, ticketUrl),
            location,
            t.lat(),
            t.lng(),
            ticketUrl,
            status(t.status()),
            t.status().equals("CANCELLED") ? null : REMINDER,
            reminder(lang, title));
    return ICalendar.of(calendarName(lang), now, List.of(event));
  }

  /**
   * Stable for the booking, and not the code itself: a calendar app may sync the UID to places the
   * ticket's secret should not go.
   */
  static String uid(String code) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
      return "booking-" + HexFormat.of().formatHex(hash, 0, 12) + "@practicemap";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String status(String bookingStatus) {
    return switch (bookingStatus) {
      case "CANCELLED" -> "CANCELLED";
      case "WAITLISTED" -> "TENTATIVE";
      default -> "CONFIRMED";
    };
  }

  private static String description(TicketView t, Lang lang, String url) {
    return switch (lang) {
      case EN ->
          "Ticket "
              + t.code()
              + " for "
              + t.partySize()
              + (t.partySize() == 1 ? " person" : " people")
              + (t.status().equals("WAITLISTED") ? " (on the waiting list)" : "")
              + ".\nShow the ticket's QR code at the door.\n"
              + url;
      case ZH, MN ->
          "票码 "
              + t.code()
              + "，"
              + t.partySize()
              + " 人"
              + (t.status().equals("WAITLISTED") ? "（候补中）" : "")
              + "。\n入场时请出示票码二维码。\n"
              + url;
    };
  }

  private static String reminder(Lang lang, String title) {
    return lang == Lang.EN ? "In one hour: " + title : "一小时后开始：" + title;
  }

  private static String calendarName(Lang lang) {
    return lang == Lang.EN ? "Practice Map" : "新时代文明实践地图";
  }
}
