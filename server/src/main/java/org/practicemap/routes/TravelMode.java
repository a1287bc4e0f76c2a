package org.practicemap.routes;

/**
 * How a route is travelled. Travel distance = great-circle distance × the mode's detour factor
 * (streets are not straight lines); travel time = travel distance ÷ the mode's speed.
 *
 * <ul>
 *   <li>WALK: 4.5 km/h (75 m/min), an unhurried pace that older residents keep; detour 1.3.
 *   <li>BIKE: 12 km/h (200 m/min), a shared bicycle in town traffic; detour 1.3.
 *   <li>DRIVE: 24 km/h (400 m/min), town driving with lights and parking; detour 1.4.
 * </ul>
 *
 * Detour factors of 1.2–1.4 are what studies of road-network circuity find for towns (driving
 * nearer 1.4, as one-way streets and turns add more); walking and cycling cut across squares and
 * parks a little. The figures are in the schema too, so clients can show them.
 */
public enum TravelMode {
  WALK(75, 1.3),
  BIKE(200, 1.3),
  DRIVE(400, 1.4);

  final double metersPerMinute;
  final double detourFactor;

  TravelMode(double metersPerMinute, double detourFactor) {
    this.metersPerMinute = metersPerMinute;
    this.detourFactor = detourFactor;
  }

  /** The travel distance for a great-circle distance. */
  double travelMeters(double greatCircleMeters) {
    return greatCircleMeters * detourFactor;
  }

  /** Minutes to cover a travel distance. */
  double minutes(double travelMeters) {
    return travelMeters / metersPerMinute;
  }
}
