package org.practicemap.routes;

import java.util.List;

/**
 * A route-planning problem in plain numbers, independent of the database: where the walk starts,
 * how it travels, how long it may take, how many stops at most and how long each visit lasts, and
 * the candidate stops with their opening spans and activities. Times are minutes after the start.
 */
record PlanProblem(
    double startLat,
    double startLng,
    TravelMode mode,
    double budgetMinutes,
    int maxStops,
    double stayMinutes,
    List<Stop> stops) {

  /** A candidate stop: its opening spans in time order, and the activities held there. */
  record Stop(long pointId, double lat, double lng, List<Span> open, List<Event> events) {}

  /** A span in which a stop is open, [from, to). */
  record Span(double from, double to) {}

  /** An activity at a stop, on during [from, to). */
  record Event(long activityId, double from, double to) {}
}
