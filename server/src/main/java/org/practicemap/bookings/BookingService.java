package org.practicemap.bookings;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.practicemap.Config.BookingLimits;
import org.practicemap.activities.Activity;
import org.practicemap.activities.ActivityRepository;
import org.practicemap.db.Sql;
import org.practicemap.db.Transactions;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * Booking and cancelling: the two changes of an activity's seats.
 *
 * <p><b>Never oversell.</b> Each runs in one transaction that first locks the activity's row
 * ({@code SELECT … FOR UPDATE}, {@link ActivityRepository#lockForUpdate}). While it holds the lock
 * no other booking, cancellation or no-show sweep of that activity can read or change its seats, so
 * "are there seats left?" and "take them" cannot be split by another writer; the seats count and
 * the booking rows change together and commit together. {@code CHECK (seats_taken <= capacity)}
 * stays as the last line of defence. The same lock makes retries safe: a second call with the same
 * idempotency key waits for the first and then finds its booking. Deadlocks cannot arise from this
 * order (activity, then bookings, everywhere), and if PostgreSQL still aborts a transaction it is
 * run again ({@link Transactions#retrying}).
 */
final class BookingService {
  /** Waitlisted bookings read per promotion; more than any number of freed seats can take. */
  private static final int PROMOTION_SCAN = 1000;

  private static final int CODE_ATTEMPTS = 5;

  private final Sql sql;
  private final BookingRepository bookings;
  private final RateLimiter limiter;
  private final ActivityQueue queue = new ActivityQueue();

  BookingService(Sql sql, BookingLimits limits) {
    this.sql = sql;
    this.bookings = new BookingRepository(sql);
    this.limiter = new RateLimiter(sql, limits);
  }

  record Booked(Booking booking, Activity activity, boolean replayed) {}

  record Cancelled(Booking booking, Activity activity, int promoted) {}

  BookingRepository repository() {
    return bookings;
  }

  ActivityQueue queue() {
    return queue;
  }

  Future<Booked> book(BookingInput in, String clientIp) {
    return limiter
        .attempt(in.phone(), clientIp)
        .compose(
            v ->
                queue.run(
                    in.activityId(), () -> Transactions.retrying(sql, tx -> bookLocked(tx, in))));
  }

  private Future<Booked> bookLocked(Sql tx, BookingInput in) {
    return ActivityRepository.lockForUpdate(tx, in.activityId())
        .compose(
            activity -> {
              if (activity == null) {
                throw ApiException.notFound("There is no activity with this ID.");
              }
              return BookingRepository.related(tx, activity.id(), in.idempotencyKey(), in.phone())
                  .compose(related -> decide(tx, activity, in, related));
            });
  }

  private Future<Booked> decide(Sql tx, Activity activity, BookingInput in, List<Booking> related) {
    for (Booking earlier : related) {
      if (in.idempotencyKey().equals(earlier.idempotencyKey())) {
        return Future.succeededFuture(replay(activity, in, earlier));
      }
    }
    requireBookable(activity);
    if (!related.isEmpty()) {
      throw conflict(
          "ALREADY_BOOKED",
          "This mobile number already holds a booking for this activity; cancel it first to book"
              + " again.");
    }
    int seatsLeft = activity.seatsLeft();
    if (seatsLeft >= in.partySize()) {
      return insert(tx, "CONFIRMED", in, CODE_ATTEMPTS)
          .compose(
              b ->
                  BookingRepository.addSeats(tx, activity.id(), in.partySize())
                      .map(
                          v ->
                              new Booked(
                                  b,
                                  activity.withSeatsTaken(activity.seatsTaken() + in.partySize()),
                                  false)));
    }
    if (activity.hasWaitlist()) {
      return BookingRepository.waitlistLength(tx, activity.id())
          .compose(
              ahead ->
                  insert(tx, "WAITLISTED", in, CODE_ATTEMPTS)
                      .map(b -> new Booked(b.withPosition(ahead + 1), activity, false)));
    }
    if (seatsLeft > 0) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Only " + seatsLeft + (seatsLeft == 1 ? " seat is" : " seats are") + " left.",
          Map.of("reason", "NOT_ENOUGH_SEATS", "seatsLeft", seatsLeft, "field", "input.partySize"));
    }
    throw conflict("FULLY_BOOKED", "This activity is fully booked.");
  }

  private static Booked replay(Activity activity, BookingInput in, Booking earlier) {
    if (!in.sameRequestAs(earlier)) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "This idempotency key was already used for a different booking; make a new key for a"
              + " new booking.",
          Map.of("reason", "IDEMPOTENCY_KEY_REUSED", "field", "input.idempotencyKey"));
    }
    return new Booked(earlier, activity, true);
  }

  private static void requireBookable(Activity activity) {
    if (activity.capacity() == null) {
      throw new ApiException(
          ErrorCode.BAD_USER_INPUT,
          "This is an open event: nobody needs to book, just come.",
          Map.of("reason", "OPEN_EVENT", "field", "input.activityId"));
    }
    if (activity.cancelledAt() != null) {
      throw conflict("ACTIVITY_CANCELLED", "This activity was cancelled.");
    }
    if (!activity.bookable(Instant.now())) {
      throw conflict("ACTIVITY_ENDED", "This activity is over.");
    }
  }

  /** Inserts with a fresh code, drawing another in the (very rare) case one is taken. */
  private static Future<Booking> insert(Sql tx, String status, BookingInput in, int attempts) {
    return BookingRepository.insert(tx, BookingCodes.next(), status, in)
        .compose(
            b -> {
              if (b != null) {
                return Future.succeededFuture(b);
              }
              if (attempts <= 1) {
                return Future.failedFuture(new IllegalStateException("No free ticket code"));
              }
              return insert(tx, status, in, attempts - 1);
            });
  }

  Future<Cancelled> cancel(String code) {
    return bookings
        .activityOf(code)
        .compose(
            activityId -> {
              if (activityId == null) {
                return Future.failedFuture(ticketNotFound());
              }
              return queue.run(
                  activityId,
                  () -> Transactions.retrying(sql, tx -> cancelLocked(tx, activityId, code)));
            });
  }

  private Future<Cancelled> cancelLocked(Sql tx, long activityId, String code) {
    return ActivityRepository.lockForUpdate(tx, activityId)
        .compose(
            activity ->
                BookingRepository.lockByCode(tx, code)
                    .compose(booking -> cancelBooking(tx, activity, booking)));
  }

  private Future<Cancelled> cancelBooking(Sql tx, Activity activity, Booking booking) {
    switch (booking.status()) {
      case "CANCELLED":
        return Future.succeededFuture(new Cancelled(booking, activity, 0));
      case "CHECKED_IN":
        throw conflict(
            "ALREADY_CHECKED_IN", "This ticket was already checked in; it cannot be cancelled.");
      case "NO_SHOW":
        throw conflict("ACTIVITY_ENDED", "This activity is over; the booking cannot change.");
      default:
        break;
    }
    if (activity.cancelledAt() == null && !activity.bookable(Instant.now())) {
      throw conflict("ACTIVITY_ENDED", "This activity is over; the booking cannot change.");
    }
    int freed = Booking.holdsSeats(booking.status()) ? booking.partySize() : 0;
    return BookingRepository.cancel(tx, booking.id())
        .compose(
            cancelled ->
                promote(tx, activity, activity.seatsLeft() + freed)
                    .compose(
                        promoted -> {
                          int change = promoted.seats() - freed;
                          return BookingRepository.addSeats(tx, activity.id(), change)
                              .map(
                                  v ->
                                      new Cancelled(
                                          cancelled,
                                          activity.withSeatsTaken(activity.seatsTaken() + change),
                                          promoted.bookings()));
                        }));
  }

  record Promotion(int bookings, int seats) {}

  /**
   * Confirms waitlisted bookings, first come first served, skipping a party too large for the seats
   * still free so that a smaller one behind it is not kept waiting for nothing. Runs under the
   * activity's lock; the caller adds the returned seats to the activity.
   */
  static Future<Promotion> promote(Sql tx, Activity activity, int free) {
    if (free <= 0 || activity.cancelledAt() != null || !activity.bookable(Instant.now())) {
      return Future.succeededFuture(new Promotion(0, 0));
    }
    return BookingRepository.waitlist(tx, activity.id(), PROMOTION_SCAN)
        .compose(
            waiting -> {
              List<Long> ids = new java.util.ArrayList<>();
              int left = free;
              for (long[] entry : waiting) {
                if (entry[1] <= left) {
                  ids.add(entry[0]);
                  left -= (int) entry[1];
                }
                if (left == 0) {
                  break;
                }
              }
              int seats = free - left;
              return BookingRepository.confirm(tx, ids).map(v -> new Promotion(ids.size(), seats));
            });
  }

  static ApiException ticketNotFound() {
    return ApiException.notFound("No ticket has this code; check it and try again.");
  }

  private static ApiException conflict(String reason, String message) {
    return new ApiException(ErrorCode.CONFLICT, message, Map.of("reason", reason));
  }
}
