package org.practicemap.common;

/**
 * Distances on the earth as a sphere of the mean radius (IUGG, R = 6,371,008.8 m), by the haversine
 * formula: the same figure the database's {@code great_circle_m} gives, so that a distance shown in
 * the API, one used to plan a route and one used to filter in SQL agree.
 */
public final class GreatCircle {
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private GreatCircle() {}

  public static double meters(double lat1, double lng1, double lat2, double lng2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLng = Math.toRadians(lng2 - lng1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLng / 2), 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  public static double meters(Coordinates a, Coordinates b) {
    return meters(a.lat(), a.lng(), b.lat(), b.lng());
  }
}
