package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.Config.BookingLimits;
import org.practicemap.activities.Activity;
import org.practicemap.activities.ActivityRepository;
import org.practicemap.auth.Caller;
import org.practicemap.db.Sql;
import org.practicemap.db.Transactions;
import org.practicemap.graphql.ApiException;

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
  /** Waitlisted bookings read at a time while promoting; more pages follow while seats remain. */
  static final int PROMOTION_SCAN = 1000;

  private static final int CODE_ATTEMPTS = 5;

  /** Requests decided in one transaction at most: keeps each lock short. */
  static final int BATCH = 100;

  private final Sql sql;
  private final BookingRepository bookings;
  private final RateLimiter limiter;
  private final ActivityQueue queue = new ActivityQueue();

  /** Requests waiting for their activity's next batch; guarded by itself. */
  private final Map<Long, Waiting> waiting = new HashMap<>();

  /** One activity's waiting requests, and whether a batch is already scheduled to take them. */
  private static final class Waiting {
    final ArrayDeque<Pending> requests = new ArrayDeque<>();
    boolean scheduled;
  }

  /** A request and who sent it: the caller is audited when it holds a token. */
  private record Pending(BookingInput in, Caller caller, Promise<Booked> promise) {}

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

  Future<Booked> book(BookingInput in, String clientIp, Caller caller) {
    return limiter.attempt(in.phone(), clientIp).compose(v -> enqueue(in, caller));
  }

  /**
   * Queues the request for its activity's next batch. One batch at a time is scheduled per
   * activity: when its turn comes it takes every request that piled up meanwhile (up to {@value
   * #BATCH}, the rest go to a next batch) and decides them in one transaction. A rush on one
   * activity then costs one lock, one commit and a handful of statements per batch instead of per
   * booking.
   */
  private Future<Booked> enqueue(BookingInput in, Caller caller) {
    Pending pending = new Pending(in, caller, Promise.promise());
    boolean schedule;
    synchronized (waiting) {
      Waiting w = waiting.computeIfAbsent(in.activityId(), k -> new Waiting());
      w.requests.add(pending);
      schedule = !w.scheduled;
      w.scheduled = true;
    }
    if (schedule) {
      queue.run(in.activityId(), () -> runBatch(in.activityId()));
    }
    return pending.promise().future();
  }

  private Future<Void> runBatch(long activityId) {
    List<Pending> batch = take(activityId);
    List<BookingInput> inputs = batch.stream().map(Pending::in).toList();
    List<Caller> callers = batch.stream().map(Pending::caller).toList();
    return Transactions.retrying(
            sql,
            tx ->
                bookAll(tx, activityId, inputs)
                    .compose(
                        answers -> BookingAudit.booked(tx, callers, answers).map(v -> answers)))
        .transform(
            ar -> {
              for (int i = 0; i < batch.size(); i++) {
                Promise<Booked> promise = batch.get(i).promise();
                if (ar.failed()) {
                  promise.tryFail(ar.cause());
                } else if (ar.result().get(i) instanceof Booked booked) {
                  promise.tryComplete(booked);
                } else {
                  promise.tryFail((Throwable) ar.result().get(i));
                }
              }
              return Future.<Void>succeededFuture();
            });
  }

  /** Takes the next batch; when requests are left over, schedules another batch behind it. */
  private List<Pending> take(long activityId) {
    List<Pending> batch = new ArrayList<>();
    boolean more;
    synchronized (waiting) {
      Waiting w = waiting.get(activityId);
      while (batch.size() < BATCH && !w.requests.isEmpty()) {
        batch.add(w.requests.poll());
      }
      more = !w.requests.isEmpty();
      if (!more) {
        waiting.remove(activityId);
      }
    }
    if (more) {
      queue.run(activityId, () -> runBatch(activityId));
    }
    return batch;
  }

  /** One transaction for a batch: a {@link Booked} or an {@link ApiException} per request. */
  private Future<List<Object>> bookAll(Sql tx, long activityId, List<BookingInput> inputs) {
    return ActivityRepository.lockForUpdate(tx, activityId)
        .compose(
            activity -> {
              if (activity == null) {
                ApiException none = ApiException.notFound("There is no activity with this ID.");
                return Future.succeededFuture(inputs.stream().<Object>map(i -> none).toList());
              }
              Future<Integer> waitlist =
                  activity.hasWaitlist()
                      ? BookingRepository.waitlistLength(tx, activityId)
                      : Future.succeededFuture(0);
              return BookingRepository.related(tx, activityId, inputs)
                  .compose(
                      related ->
                          waitlist.map(
                              length ->
                                  BatchDecision.decide(
                                      activity, inputs, related, length, Instant.now())))
                  .compose(outcomes -> write(tx, activity, outcomes));
            });
  }

  private Future<List<Object>> write(
      Sql tx, Activity activity, List<BatchDecision.Outcome> outcomes) {
    List<BatchDecision.Create> creates = new ArrayList<>();
    outcomes.forEach(
        o -> {
          if (o instanceof BatchDecision.Create c) {
            creates.add(c);
          }
        });
    int seats =
        creates.stream()
            .filter(c -> c.status().equals("CONFIRMED"))
            .mapToInt(c -> c.in().partySize())
            .sum();
    Activity after = activity.withSeatsTaken(activity.seatsTaken() + seats);
    return insertAll(tx, creates, CODE_ATTEMPTS)
        .compose(
            created ->
                BookingRepository.addSeats(tx, activity.id(), seats)
                    .map(v -> answers(outcomes, creates, created, after)));
  }

  private static List<Object> answers(
      List<BatchDecision.Outcome> outcomes,
      List<BatchDecision.Create> creates,
      List<Booking> created,
      Activity after) {
    Map<BatchDecision.Create, Booking> byCreate = new IdentityHashMap<>();
    for (int i = 0; i < creates.size(); i++) {
      byCreate.put(creates.get(i), created.get(i));
    }
    List<Object> answers = new ArrayList<>(outcomes.size());
    for (BatchDecision.Outcome outcome : outcomes) {
      answers.add(answer(outcome, byCreate, created, after));
    }
    return answers;
  }

  private static Object answer(
      BatchDecision.Outcome outcome,
      Map<BatchDecision.Create, Booking> byCreate,
      List<Booking> created,
      Activity after) {
    if (outcome instanceof BatchDecision.Create c) {
      return new Booked(byCreate.get(c).withPosition(c.position()), after, false);
    }
    if (outcome instanceof BatchDecision.Replay r) {
      return new Booked(r.earlier(), after, true);
    }
    if (outcome instanceof BatchDecision.Repeat r) {
      return new Booked(created.get(r.create()), after, true);
    }
    return ((BatchDecision.Refuse) outcome).error();
  }

  /** Inserts all, drawing new codes for the (very rare) ones already taken. */
  private static Future<List<Booking>> insertAll(
      Sql tx, List<BatchDecision.Create> creates, int attempts) {
    if (creates.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return BookingRepository.insert(tx, creates)
        .compose(
            inserted -> {
              List<BatchDecision.Create> again = new ArrayList<>();
              for (int i = 0; i < creates.size(); i++) {
                if (inserted.get(i) == null) {
                  again.add(creates.get(i));
                }
              }
              if (again.isEmpty()) {
                return Future.succeededFuture(inserted);
              }
              if (attempts <= 1) {
                return Future.failedFuture(new IllegalStateException("No free ticket code"));
              }
              return insertAll(tx, again, attempts - 1)
                  .map(
                      retried -> {
                        List<Booking> all = new ArrayList<>(inserted);
                        for (int i = 0, r = 0; i < all.size(); i++) {
                          if (all.get(i) == null) {
                            all.set(i, retried.get(r++));
                          }
                        }
                        return all;
                      });
            });
  }

  Future<Cancelled> cancel(String code, Caller caller) {
    return bookings
        .activityOf(code)
        .compose(
            activityId -> {
              if (activityId == null) {
                return Future.failedFuture(ticketNotFound());
              }
              return queue.run(
                  activityId,
                  () ->
                      Transactions.retrying(sql, tx -> cancelLocked(tx, activityId, code, caller)));
            });
  }

  private Future<Cancelled> cancelLocked(Sql tx, long activityId, String code, Caller caller) {
    return ActivityRepository.lockForUpdate(tx, activityId)
        .compose(
            activity ->
                BookingRepository.lockByCode(tx, code)
                    .compose(
                        booking ->
                            cancelBooking(tx, activity, booking)
                                .compose(
                                    c ->
                                        BookingAudit.cancelled(tx, caller, booking, c)
                                            .map(v -> c))));
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
   * activity's lock; the caller adds the returned seats to the activity. Reads the list a page at a
   * time for as long as seats remain: a capacity raised by thousands serves thousands.
   */
  static Future<Promotion> promote(Sql tx, Activity activity, int free) {
    if (free <= 0 || activity.cancelledAt() != null || !activity.bookable(Instant.now())) {
      return Future.succeededFuture(new Promotion(0, 0));
    }
    return promoteFrom(tx, activity.id(), free, 0, new Promotion(0, 0));
  }

  /** One page of the list, from {@code skipped} (the parties passed over so far stay waiting). */
  private static Future<Promotion> promoteFrom(
      Sql tx, long activityId, int free, int skipped, Promotion sofar) {
    return BookingRepository.waitlist(tx, activityId, PROMOTION_SCAN, skipped)
        .compose(
            waiting -> {
              List<Long> ids = new ArrayList<>();
              int left = free;
              for (long[] entry : waiting) {
                if (left == 0) {
                  break;
                }
                if (entry[1] <= left) {
                  ids.add(entry[0]);
                  left -= (int) entry[1];
                }
              }
              Promotion done =
                  new Promotion(sofar.bookings() + ids.size(), sofar.seats() + free - left);
              int stillFree = left;
              boolean more = waiting.size() == PROMOTION_SCAN && stillFree > 0;
              return BookingRepository.confirm(tx, ids)
                  .compose(
                      v ->
                          more
                              ? promoteFrom(
                                  tx,
                                  activityId,
                                  stillFree,
                                  skipped + waiting.size() - ids.size(),
                                  done)
                              : Future.succeededFuture(done));
            });
  }

  static ApiException ticketNotFound() {
    return ApiException.notFound("No ticket has this code; check it and try again.");
  }

  private static ApiException conflict(String reason, String message) {
    return BatchDecision.conflict(reason, message);
  }
}
