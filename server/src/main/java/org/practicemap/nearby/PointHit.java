package org.practicemap.nearby;

import org.practicemap.common.Coordinates;
import org.practicemap.graphql.Cursor;
import org.practicemap.points.Deployment;

/**
 * A point found near a position: where it was found (a mobile point's deployment, else its own
 * position), the great-circle distance, and {@code order}, the key the search sorts by (the chord
 * through the earth, in earthdistance's metres: it grows with the distance and is what the GiST
 * index orders by).
 */
public record PointHit(
    long pointId, Coordinates at, Deployment deployment, double distanceMeters, double order) {

  /** Where a page ends: the search continues after (order, point id). */
  public record Key(double order, long pointId) {
    public static final Key START = new Key(-1, 0);

    static Key decode(Cursor cursor) {
      return cursor == null
          ? START
          : new Key(Double.longBitsToDouble(cursor.key(0)), cursor.key(1));
    }
  }

  String cursor() {
    return Cursor.encode(Double.doubleToLongBits(order), pointId);
  }
}
