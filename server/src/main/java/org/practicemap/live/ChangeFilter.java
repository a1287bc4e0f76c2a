package org.practicemap.live;

import org.practicemap.common.GreatCircle;

/**
 * Which activities a subscription follows: one activity by id, or those matching every given
 * condition of {@code activitiesChanged(filter:)} (none given: all of them). {@code near} measures
 * with the same haversine distance as {@code nearbyPoints} and the SQL's {@code great_circle_m}.
 */
record ChangeFilter(
    Long activityId, String pointPath, String themeCode, Double lat, Double lng, Double radius) {

  static final ChangeFilter ALL = new ChangeFilter(null, null, null, null, null, null);

  static ChangeFilter activity(long id) {
    return new ChangeFilter(id, null, null, null, null, null);
  }

  /** Whether an activity at {@code place} matches the conditions (not the activity id). */
  boolean matches(Place place) {
    if (place == null) {
      return false;
    }
    if (themeCode != null && !themeCode.equals(place.themeCode())) {
      return false;
    }
    if (pointPath != null
        && !place.pointPath().equals(pointPath)
        && !place.pointPath().startsWith(pointPath + ".")) {
      return false;
    }
    return lat == null || GreatCircle.meters(lat, lng, place.lat(), place.lng()) <= radius;
  }
}
