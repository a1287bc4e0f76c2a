package org.practicemap.nearby;

import io.vertx.core.Future;
import java.util.List;

/**
 * "What is near": the search behind {@code nearbyPoints} and {@code nearbyActivities}, exact (every
 * match inside the radius, great-circle distances) and ordered nearest first.
 *
 * <p>PostgreSQL serves it today ({@link PgNearbySearch}). At country scale the read traffic of
 * kiosks and phones can outgrow one database; an in-memory spatial index per replica, kept fresh by
 * change events, can then implement this interface without any change to the API (DESIGN.md, "What
 * the database costs").
 */
public interface NearbySearch {

  /** Up to {@code limit} points after {@code after}, in (order, point id) order. */
  Future<List<PointHit>> points(PointQuery query, PointHit.Key after, int limit);

  /** How many points match in all. */
  Future<Integer> countPoints(PointQuery query);

  /** Up to {@code limit} activities after {@code after}, in (order, start, id) order. */
  Future<List<ActivityHit>> activities(ActivityQuery query, ActivityHit.Key after, int limit);

  /** How many activities match in all. */
  Future<Integer> countActivities(ActivityQuery query);
}
