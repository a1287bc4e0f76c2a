package org.practicemap.testing;

import org.practicemap.common.GreatCircle;

/** Positions for geographic tests, on the same sphere as nearby search's haversine. */
public final class Places {
  private Places() {}

  /** The point {@code meters} from (lat, lng) on {@code bearingDeg}: {lat, lng}. */
  public static double[] destination(double lat, double lng, double bearingDeg, double meters) {
    double d = meters / GreatCircle.EARTH_RADIUS_M;
    double b = Math.toRadians(bearingDeg);
    double p1 = Math.toRadians(lat);
    double l1 = Math.toRadians(lng);
    double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    double l2 =
        l1
            + Math.atan2(
                Math.sin(b) * Math.sin(d) * Math.cos(p1),
                Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    double lngDeg = Math.toDegrees(l2);
    lngDeg = ((lngDeg + 540) % 360) - 180;
    return new double[] {Math.toDegrees(p2), lngDeg};
  }
}
