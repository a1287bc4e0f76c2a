package org.practicemap.routes;

import java.util.ArrayList;
import java.util.List;
import org.practicemap.common.Coordinates;
import org.practicemap.common.GreatCircle;
import org.practicemap.common.LocalizedText;

/** A curated route: an ordered walk through points, with its legs worked out from positions. */
public record Route(
    long id,
    long ownerPointId,
    String themeCode,
    TravelMode mode,
    LocalizedText name,
    LocalizedText description,
    List<RouteStop> stops) {

  /** A stop as stored, before its leg is known. */
  record StoredStop(
      int position, long pointId, Coordinates coordinates, int stayMinutes, LocalizedText note) {}

  /** Builds a route, working out each leg with the mode's detour factor and speed. */
  static Route of(
      long id,
      long ownerPointId,
      String themeCode,
      TravelMode mode,
      LocalizedText name,
      LocalizedText description,
      List<StoredStop> stored) {
    List<RouteStop> stops = new ArrayList<>(stored.size());
    Coordinates previous = null;
    for (StoredStop s : stored) {
      double meters =
          previous == null ? 0 : mode.travelMeters(GreatCircle.meters(previous, s.coordinates()));
      stops.add(
          new RouteStop(
              s.position(),
              s.pointId(),
              s.coordinates(),
              s.stayMinutes(),
              s.note(),
              meters,
              mode.minutes(meters)));
      previous = s.coordinates();
    }
    return new Route(id, ownerPointId, themeCode, mode, name, description, List.copyOf(stops));
  }

  public double distanceMeters() {
    return stops.stream().mapToDouble(RouteStop::legDistanceMeters).sum();
  }

  public double travelMinutes() {
    return stops.stream().mapToDouble(RouteStop::legMinutes).sum();
  }

  /** Travel plus the time spent at the stops. */
  public double totalMinutes() {
    return travelMinutes() + stops.stream().mapToInt(RouteStop::stayMinutes).sum();
  }

  public List<Coordinates> path() {
    return stops.stream().map(RouteStop::coordinates).toList();
  }
}
