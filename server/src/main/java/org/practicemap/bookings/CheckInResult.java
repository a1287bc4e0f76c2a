package org.practicemap.bookings;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalZone;

/** The answer to a ticket at the door: an outcome, and the booking when the code is known. */
record CheckInResult(String outcome, Booking booking) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

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
    return switch (lang) {
      case EN -> english(time, party);
      case ZH, MN -> chinese(time, party);
    };
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
