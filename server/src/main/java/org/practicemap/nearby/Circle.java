package org.practicemap.nearby;

import java.util.Map;
import org.practicemap.common.Coordinates;
import org.practicemap.graphql.ApiException;

/** Where to look: a centre and a radius in metres of great-circle distance, checked. */
public record Circle(Coordinates centre, double radiusMeters) {
  public static final double MAX_RADIUS_M = 50_000;

  /**
   * earth_box takes a radius on earthdistance's sphere (R = 6,378,168 m), ours is 6,371,008.8 m:
   * the same angle is 0.11% longer there. The box gets that much more, plus a margin for rounding,
   * so that it surely holds every point of the circle; the exact test comes after it.
   */
  private static final double EARTH_BOX_SCALE = 6_378_168.0 / 6_371_008.8;

  /** Reads the {@code at} and {@code radiusMeters} arguments; bad values are BAD_USER_INPUT. */
  public static Circle from(Map<String, Object> at, Double radiusMeters) {
    return from(at, radiusMeters, "");
  }

  /**
   * Reads a {@code NearInput} (e.g. search's {@code near}) by the same rules as nearby search; the
   * error names the field under {@code field}, e.g. {@code near.radiusMeters}.
   */
  @SuppressWarnings("unchecked")
  public static Circle fromNear(Map<String, Object> near, String field) {
    Object radius = near.get("radiusMeters");
    return from(
        (Map<String, Object>) near.get("at"),
        radius == null ? null : ((Number) radius).doubleValue(),
        field + ".");
  }

  private static Circle from(Map<String, Object> at, Double radiusMeters, String prefix) {
    Coordinates centre = Coordinates.fromInput(at, prefix + "at");
    if (radiusMeters == null || !(radiusMeters > 0 && radiusMeters <= MAX_RADIUS_M)) {
      throw ApiException.badInput(
          prefix + "radiusMeters",
          "radiusMeters must be more than 0 and at most 50000 (50 km), not " + radiusMeters + ".");
    }
    return new Circle(centre, radiusMeters);
  }

  public double lat() {
    return centre.lat();
  }

  public double lng() {
    return centre.lng();
  }

  /** The radius to give earth_box (earthdistance's metres). */
  public double boxRadius() {
    return radiusMeters * EARTH_BOX_SCALE * (1 + 1e-9) + 0.01;
  }
}
