package org.practicemap.feeds;

import org.practicemap.calendar.CalendarEvent;
import org.practicemap.common.Lang;
import org.practicemap.graphql.GlobalId;

/** An activity as a VEVENT of a feed. */
final class FeedEvents {
  private FeedEvents() {}

  /**
   * The UID is the activity and this installation's host, the same in every feed and download, so
   * an app that subscribes to two feeds holding one activity shows it once; SEQUENCE is the
   * activity's version, so an edit replaces the event instead of adding one.
   */
  static CalendarEvent of(FeedActivity a, Lang lang, String baseUrl, String host) {
    String id = GlobalId.of("Activity", a.id());
    String url = baseUrl + "/b/" + id;
    return new CalendarEvent(
        "activity-" + a.id() + "@" + host,
        (int) Math.min(Integer.MAX_VALUE, a.version()),
        a.startsAt().toInstant(),
        a.endsAt().toInstant(),
        a.cancelled() ? cancelledMark(lang) + a.title().in(lang) : a.title().in(lang),
        description(a, lang, url),
        a.location(lang),
        a.lat(),
        a.lng(),
        url,
        a.cancelled() ? "CANCELLED" : "CONFIRMED",
        null,
        null);
  }

  /** Many apps do not show STATUS: the title says it too. */
  private static String cancelledMark(Lang lang) {
    return lang == Lang.EN ? "[Cancelled] " : "【已取消】";
  }

  private static String description(FeedActivity a, Lang lang, String url) {
    StringBuilder text = new StringBuilder();
    if (a.cancelled() && a.cancelReason() != null) {
      text.append(lang == Lang.EN ? "Cancelled: " : "已取消：").append(a.cancelReason()).append("\n\n");
    }
    String description = a.description().in(lang);
    if (description != null && !description.isBlank()) {
      text.append(description).append("\n\n");
    }
    return text.append(url).toString();
  }
}
