package org.practicemap.live;

import org.practicemap.activities.Activity;

/**
 * What a subscriber receives: the GraphQL {@code ActivityEvent}. {@code activity} is its state
 * after the change (or, for {@code CURRENT}, when the subscription started); null when it is gone,
 * and for a resync that follows a filter.
 */
record ActivityEvent(Kind kind, Long activityId, Activity activity) {

  enum Kind {
    /** The first event of {@code activityChanged}: the activity as it was once it was followed. */
    CURRENT,
    CREATED,
    UPDATED,
    CANCELLED,
    REMOVED,
    RESYNC
  }

  static final ActivityEvent RESYNC = new ActivityEvent(Kind.RESYNC, null, null);

  /**
   * This event and a newer one about the same activity, as one: the subscriber only needs the
   * newest state, but must not lose that the activity is new to it.
   */
  ActivityEvent then(ActivityEvent newer) {
    if (newer.kind == Kind.UPDATED && kind == Kind.CREATED) {
      return new ActivityEvent(Kind.CREATED, newer.activityId, newer.activity);
    }
    return newer;
  }
}
