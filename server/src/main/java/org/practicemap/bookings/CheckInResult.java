package org.practicemap.bookings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalZone;

/**
 * The answer to a ticket at the door: an outcome, the booking when the code is known, and for a
 * refusal by the clock ({@code NOT_OPEN_YET}, {@code ACTIVITY_ENDED}) the time the door opens or
 * closed ({@code doorTime}).
 */
record CheckInResult(String outcome, Booking booking, OffsetDateTime doorTime) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter DAY_EN =
      DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH);

  CheckInResult(String outcome, Booking booking) {
    this(outcome, booking, null);
  }

  boolean admitted() {
    return outcome.equals("CHECKED_IN") || outcome.equals("ALREADY_CHECKED_IN");
  }

  OffsetDateTime checkedInAt() {
    return admitted() ? booking.checkedInAt() : null;
  }

  /**
   * The sentence for the person at the door; times are local (Asia/Shanghai). Staff read Chinese,
   * so MN answers in Chinese until the Mongolian texts are reviewed by a native speaker.
   */
  String message(Lang lang) {
    String time =
        checkedInAt() == null ? "" : TIME.format(checkedInAt().atZoneSameInstant(LocalZone.ID));
    int party = booking == null ? 0 : booking.partySize();
    if (doorTime != null) {
      return doorMessage(lang);
    }
    return switch (lang) {
      case EN -> english(time, party);
      case ZH, MN -> chinese(time, party);
    };
  }

  /**
   * "Check-in opens at 08:00 on 12 May"; "This activity ended at 17:00", with the day when it ended
   * on another day than today.
   */
  private String doorMessage(Lang lang) {
    ZonedDateTime at = doorTime.atZoneSameInstant(LocalZone.ID);
    String time = TIME.format(at);
    boolean today = at.toLocalDate().equals(LocalDate.now(LocalZone.ID));
    boolean zh = lang != Lang.EN;
    if (outcome.equals("NOT_OPEN_YET")) {
      return zh
          ? "签到将于 " + DAY_ZH.format(at) + " " + time + " 开始"
          : "Check-in opens at " + time + " on " + DAY_EN.format(at);
    }
    if (zh) {
      return "本活动已于 " + (today ? "" : DAY_ZH.format(at) + " ") + time + " 结束";
    }
    return "This activity ended at " + time + (today ? "" : " on " + DAY_EN.format(at));
  }

  private String chinese(String time, int party) {
    return switch (outcome) {
      case "CHECKED_IN" -> "签到成功，" + party + " 人入场";
      case "ALREADY_CHECKED_IN" -> "已于 " + time + " 签到";
      case "CANCELLED" -> "此预约已取消";
      case "WAITLISTED" -> "此预约仍在候补中，尚无座位";
      case "NO_SHOW" -> "活动已结束，此预约未签到";
      case "OTHER_ACTIVITY" -> "这张票属于另一场活动";
      case "ACTIVITY_CANCELLED" -> "本活动已取消";
      default -> "没有这个票码";
    };
  }

  private String english(String time, int party) {
    return switch (outcome) {
      case "CHECKED_IN" -> "Checked in: " + party + (party == 1 ? " person" : " people");
      case "ALREADY_CHECKED_IN" -> "Already checked in at " + time;
      case "CANCELLED" -> "This booking was cancelled";
      case "WAITLISTED" -> "This booking is still on the waiting list: no seat";
      case "NO_SHOW" -> "The activity is over and this booking never checked in";
      case "OTHER_ACTIVITY" -> "This ticket is for another activity";
      case "ACTIVITY_CANCELLED" -> "This activity was cancelled";
      default -> "No ticket has this code";
    };
  }
}
