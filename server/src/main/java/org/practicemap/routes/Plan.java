package org.practicemap.routes;

import java.util.List;

/**
 * A planned walk: the visits in order, the travel distance, when the last visit ends (minutes after
 * the start) and its value (see {@link RoutePlanner}).
 */
record Plan(List<Visit> visits, double travelMeters, double endMinute, int value) {
  static final Plan EMPTY = new Plan(List.of(), 0, 0, 0);

  /**
   * One visit: the stop (an index into the problem's stops), when you get there on foot ({@code
   * arrive}), when the visit starts (the stop is open then; later than {@code arrive} when the stop
   * opens later or an activity starts later), when you leave, the leg from the previous place and
   * the activity on when the visit starts, if any.
   */
  record Visit(
      int stop,
      double arrive,
      double start,
      double leave,
      double legMeters,
      double legMinutes,
      Long activityId) {}
}
