package org.practicemap.live;

import org.practicemap.activities.Activity;
import org.practicemap.live.ActivityEvent.Kind;

/**
 * One activity's changes in a batch, resolved: its state now ({@code activity} null when it was
 * deleted), where it is now and, when its point, deployment or theme changed, where it was before.
 *
 * @param created it was inserted in this batch
 * @param cancelled it was cancelled in this batch (an event about a cancelled activity is {@code
 *     CANCELLED} in any case: a subscriber may have missed the moment)
 */
record ActivityChange(
    long id, Activity activity, Place now, Place before, boolean created, boolean cancelled) {

  /** The event a subscription with {@code filter} receives, or null when it is none of its. */
  ActivityEvent eventFor(ChangeFilter filter) {
    if (filter.activityId() != null) {
      if (filter.activityId() != id) {
        return null;
      }
      return activity == null ? new ActivityEvent(Kind.REMOVED, id, null) : changed();
    }
    boolean matchesNow = activity != null && filter.matches(now);
    boolean matchedBefore = before != null ? filter.matches(before) : matchesNow && !created;
    if (matchesNow && !matchedBefore) {
      // New to this subscriber: inserted, or moved into its filter.
      return new ActivityEvent(Kind.CREATED, id, activity);
    }
    if (matchesNow) {
      return changed();
    }
    return matchedBefore ? new ActivityEvent(Kind.REMOVED, id, activity) : null;
  }

  private ActivityEvent changed() {
    return new ActivityEvent(
        activity.cancelledAt() != null ? Kind.CANCELLED : Kind.UPDATED, id, activity);
  }
}
