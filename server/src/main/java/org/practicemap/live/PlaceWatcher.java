package org.practicemap.live;

import java.util.Collection;
import org.practicemap.common.Coordinates;

/**
 * Something on this replica that keeps answers about places (the response cache) and must drop them
 * when something there changes: an activity, a point, a mobile deployment. The change feed tells it
 * in two steps, because finding out where a change happened costs a statement: first that changes
 * arrived ({@link #changing}), then where they were ({@link #changedAt}), or that it cannot say
 * ({@link #lost}). Called on the change feed's context.
 */
public interface PlaceWatcher {
  /**
   * Changes have been committed and are about to be located. Returns whether the watcher wants to
   * know where; false means it holds nothing that could be stale, and it must make sure that it
   * keeps nothing computed before this call either.
   */
  boolean changing();

  /** Rows at these positions (now, or before they moved) have changed. */
  void changedAt(Collection<Coordinates> places);

  /** Changes may have been missed, or could not be located: anything kept may be stale. */
  void lost();
}
