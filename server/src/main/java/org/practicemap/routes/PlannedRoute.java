package org.practicemap.routes;

import java.time.OffsetDateTime;
import java.util.List;
import org.practicemap.common.Coordinates;

/** A walk planned on request, in the API's terms: instants, metres, minutes. */
public record PlannedRoute(
    TravelMode mode,
    Coordinates start,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    List<PlannedStop> stops,
    double distanceMeters,
    double travelMinutes,
    int candidates) {

  /** One stop of a planned walk. */
  public record PlannedStop(
      int position,
      long pointId,
      Coordinates coordinates,
      OffsetDateTime arriveAt,
      OffsetDateTime leaveAt,
      double legDistanceMeters,
      double legMinutes,
      double freeMinutesBefore,
      Long activityId) {}

  public List<Coordinates> path() {
    List<Coordinates> path = new java.util.ArrayList<>(stops.size() + 1);
    path.add(start);
    stops.forEach(s -> path.add(s.coordinates()));
    return List.copyOf(path);
  }
}
