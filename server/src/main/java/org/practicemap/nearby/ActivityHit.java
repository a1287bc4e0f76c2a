package org.practicemap.nearby;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.practicemap.common.Coordinates;
import org.practicemap.graphql.Cursor;

/**
 * An activity found near a position: where it takes place, the great-circle distance, and the sort
 * key (order as in {@link PointHit}, then start time, then id).
 */
public record ActivityHit(
    long activityId, Coordinates at, double distanceMeters, double order, OffsetDateTime startsAt) {

  /** Where a page ends: the search continues after (order, start, activity id). */
  public record Key(double order, OffsetDateTime startsAt, long activityId) {
    public static final Key START =
        new Key(-1, OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 0);

    static Key decode(Cursor cursor) {
      if (cursor == null) {
        return START;
      }
      OffsetDateTime start =
          Instant.EPOCH.plus(cursor.key(1), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
      return new Key(Double.longBitsToDouble(cursor.key(0)), start, cursor.key(2));
    }
  }

  String cursor() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, startsAt.toInstant());
    return Cursor.encode(Double.doubleToLongBits(order), micros, activityId);
  }
}
