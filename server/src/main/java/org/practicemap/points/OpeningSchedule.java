package org.practicemap.points;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Whether a point is open at a local date-time: an exception for that day decides when there is one
 * (closed, or its special hours); otherwise the weekly periods of that weekday do. Opening times
 * are inclusive, closing times exclusive.
 */
public final class OpeningSchedule {
  private OpeningSchedule() {}

  public static boolean isOpenAt(
      LocalDateTime local, List<OpeningHours> weekly, OpeningException exception) {
    var time = local.toLocalTime();
    if (exception != null) {
      return !exception.closed()
          && !time.isBefore(exception.opens())
          && time.isBefore(exception.closes());
    }
    int weekday = local.getDayOfWeek().getValue();
    for (OpeningHours period : weekly) {
      if (period.weekday() == weekday
          && !time.isBefore(period.opens())
          && time.isBefore(period.closes())) {
        return true;
      }
    }
    return false;
  }
}
