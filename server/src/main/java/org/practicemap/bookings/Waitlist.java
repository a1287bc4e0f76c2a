package org.practicemap.bookings;

import io.vertx.core.Future;
import org.practicemap.activities.Activity;
import org.practicemap.db.Sql;

/** What other features may ask of the waiting list; its rules live in {@link BookingService}. */
public final class Waitlist {
  private Waitlist() {}

  /**
   * Moves the waiting list up into seats that a manager added by raising the capacity, in the
   * manager's transaction and under the activity's lock that it already holds: without this the
   * people waiting would stay waiting beside empty seats until somebody cancelled.
   *
   * @return how many waitlisted bookings were confirmed
   */
  public static Future<Integer> fillAddedSeats(Sql tx, Activity activity) {
    Integer free = activity.seatsLeft();
    if (free == null) {
      return Future.succeededFuture(0);
    }
    return BookingService.promote(tx, activity, free)
        .compose(
            promoted ->
                promoted.seats() == 0
                    ? Future.succeededFuture(0)
                    : BookingRepository.addSeats(tx, activity.id(), promoted.seats())
                        .map(v -> promoted.bookings()));
  }
}
