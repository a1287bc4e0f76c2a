package org.practicemap.bookings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicemap.activities.Activity;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * Decides a batch of booking requests for one activity, in arrival order, as if they came one by
 * one: the caller holds the activity's row lock and has read the bookings that matter (same
 * idempotency keys, same phones) and the waiting list's length. Pure logic, no database: every seat
 * is counted here before anything is written.
 */
final class BatchDecision {
  /** What to do with one request. */
  sealed interface Outcome permits Create, Replay, Repeat, Refuse {}

  /** Insert a new booking with this status; {@code position} when it waits. */
  record Create(BookingInput in, String status, Integer position) implements Outcome {}

  /** Answer with a booking that existed before this batch (same idempotency key). */
  record Replay(Booking earlier) implements Outcome {}

  /** Answer with the booking created for an earlier request of this batch (same key, a race). */
  record Repeat(int create) implements Outcome {}

  record Refuse(ApiException error) implements Outcome {}

  private final Activity activity;
  private final Map<String, Booking> byKey = new HashMap<>();
  private final Map<String, Integer> createdByKey = new HashMap<>();
  private final Map<String, BookingInput> createdInputs = new HashMap<>();
  private final Set<String> activePhones = new HashSet<>();
  private final List<Create> creates = new ArrayList<>();
  private int seatsTaken;
  private int waitlist;

  private BatchDecision(Activity activity, List<Booking> related, int waitlist) {
    this.activity = activity;
    this.seatsTaken = activity.seatsTaken();
    this.waitlist = waitlist;
    for (Booking b : related) {
      if (b.idempotencyKey() != null) {
        byKey.put(b.idempotencyKey(), b);
      }
      if (!b.status().equals("CANCELLED") && !b.status().equals("NO_SHOW")) {
        activePhones.add(b.phone());
      }
    }
  }

  /** The outcome of each request, in the order given. */
  static List<Outcome> decide(
      Activity activity,
      List<BookingInput> inputs,
      List<Booking> related,
      int waitlist,
      Instant now) {
    BatchDecision batch = new BatchDecision(activity, related, waitlist);
    List<Outcome> outcomes = new ArrayList<>(inputs.size());
    for (BookingInput in : inputs) {
      Outcome outcome;
      try {
        outcome = batch.one(in, now);
      } catch (ApiException e) {
        outcome = new Refuse(e);
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  private Outcome one(BookingInput in, Instant now) {
    Booking earlier = byKey.get(in.idempotencyKey());
    if (earlier != null) {
      requireSameRequest(in.sameRequestAs(earlier));
      return new Replay(earlier);
    }
    Integer created = createdByKey.get(in.idempotencyKey());
    if (created != null) {
      requireSameRequest(in.sameRequestAs(createdInputs.get(in.idempotencyKey())));
      return new Repeat(created);
    }
    requireBookable(now);
    if (activePhones.contains(in.phone())) {
      throw conflict(
          "ALREADY_BOOKED",
          "This mobile number already holds a booking for this activity; cancel it first to book"
              + " again.");
    }
    return create(in, status(in));
  }

  private String status(BookingInput in) {
    if (in.partySize() > activity.capacity()) {
      // Without this the party would wait on the list for seats that can never be freed.
      int capacity = activity.capacity();
      throw new ApiException(
          ErrorCode.CONFLICT,
          "This activity has only " + capacity + (capacity == 1 ? " seat" : " seats") + " in all.",
          Map.of("reason", "PARTY_TOO_LARGE", "capacity", capacity, "field", "input.partySize"));
    }
    int seatsLeft = activity.capacity() - seatsTaken;
    if (seatsLeft >= in.partySize()) {
      return "CONFIRMED";
    }
    if (activity.hasWaitlist()) {
      return "WAITLISTED";
    }
    if (seatsLeft > 0) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Only " + seatsLeft + (seatsLeft == 1 ? " seat is" : " seats are") + " left.",
          Map.of("reason", "NOT_ENOUGH_SEATS", "seatsLeft", seatsLeft, "field", "input.partySize"));
    }
    throw conflict("FULLY_BOOKED", "This activity is fully booked.");
  }

  private Create create(BookingInput in, String status) {
    Integer position = null;
    if (status.equals("CONFIRMED")) {
      seatsTaken += in.partySize();
    } else {
      position = ++waitlist;
    }
    Create create = new Create(in, status, position);
    createdByKey.put(in.idempotencyKey(), creates.size());
    createdInputs.put(in.idempotencyKey(), in);
    activePhones.add(in.phone());
    creates.add(create);
    return create;
  }

  private static void requireSameRequest(boolean same) {
    if (!same) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "This idempotency key was already used for a different booking; make a new key for a"
              + " new booking.",
          Map.of("reason", "IDEMPOTENCY_KEY_REUSED", "field", "input.idempotencyKey"));
    }
  }

  private void requireBookable(Instant now) {
    if (activity.capacity() == null) {
      throw new ApiException(
          ErrorCode.BAD_USER_INPUT,
          "This is an open event: nobody needs to book, just come.",
          Map.of("reason", "OPEN_EVENT", "field", "input.activityId"));
    }
    if (activity.cancelledAt() != null) {
      throw conflict("ACTIVITY_CANCELLED", "This activity was cancelled.");
    }
    if (!activity.bookable(now)) {
      throw conflict("ACTIVITY_ENDED", "This activity is over.");
    }
  }

  static ApiException conflict(String reason, String message) {
    return new ApiException(ErrorCode.CONFLICT, message, Map.of("reason", reason));
  }
}
