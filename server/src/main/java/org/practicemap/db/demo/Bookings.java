package org.practicemap.db.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Bookings for every activity with seats. Past sessions: most seats checked in, some no-shows, some
 * cancelled in advance. Coming sessions: the nearer they are, the fuller; a few dozen are already
 * full, some with a waiting list. Cancelled activities: every booking cancelled with them. Each
 * activity's {@code seats_taken} is the sum over its CONFIRMED and CHECKED_IN bookings.
 */
final class Bookings {
  private static final long SEED = 4_001L;
  private static final long PEOPLE_SEED = 4_002L;

  /** Full sessions in the weeks ahead (the test asks for at least 20). */
  static final int FULLY_BOOKED = 28;

  private final Random r = new Random(SEED);
  private final People people = new People(new Random(PEOPLE_SEED));
  private final OffsetDateTime anchorStart;
  private final List<DemoBooking> rows = new ArrayList<>();
  private final Map<Long, Integer> seats = new LinkedHashMap<>();

  private Bookings(LocalDate anchorDay) {
    this.anchorStart = DemoTime.startOf(anchorDay);
  }

  /** A booking before it is numbered and given its code. */
  private record Draft(
      String status,
      int party,
      People.Person person,
      OffsetDateTime created,
      OffsetDateTime confirmed,
      OffsetDateTime checkedIn,
      OffsetDateTime cancelled,
      OffsetDateTime updated,
      int version) {}

  static Bookings plan(List<DemoActivity> activities, LocalDate anchorDay) {
    Bookings b = new Bookings(anchorDay);
    Set<Long> full = b.chooseFull(activities, anchorDay);
    for (DemoActivity a : activities) {
      if (!a.bookable()) {
        continue;
      }
      if (a.cancelled()) {
        b.keep(a, b.cancelledWithActivity(a));
      } else if (!a.endsAt().isAfter(b.anchorStart)) {
        b.keep(a, b.past(a));
      } else {
        b.keep(a, b.upcoming(a, anchorDay, full.contains(a.id())));
      }
    }
    return b;
  }

  List<DemoBooking> rows() {
    return rows;
  }

  int seatsTaken(long activityId) {
    return seats.getOrDefault(activityId, 0);
  }

  /** Sessions two days to six weeks ahead that are already fully booked. */
  private Set<Long> chooseFull(List<DemoActivity> activities, LocalDate anchorDay) {
    OffsetDateTime from = DemoTime.startOf(anchorDay.plusDays(2));
    OffsetDateTime to = DemoTime.startOf(anchorDay.plusDays(42));
    List<DemoActivity> candidates =
        activities.stream()
            .filter(a -> a.bookable() && !a.cancelled() && a.capacity() <= 60)
            .filter(a -> !a.startsAt().isBefore(from) && a.startsAt().isBefore(to))
            .toList();
    Set<Long> full = new HashSet<>();
    while (full.size() < Math.min(FULLY_BOOKED, candidates.size())) {
      full.add(candidates.get(r.nextInt(candidates.size())).id());
    }
    return full;
  }

  private List<Draft> past(DemoActivity a) {
    double fill = r.nextDouble() < 0.12 ? 1 : 0.55 + 0.45 * r.nextDouble();
    int target = Math.max(1, (int) Math.round(a.capacity() * fill));
    List<Draft> drafts = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    OffsetDateTime bookBy = a.startsAt().minusHours(1);
    for (int seatsHeld = 0; seatsHeld < target; ) {
      int party = Math.min(party(), target - seatsHeld);
      seatsHeld += party;
      OffsetDateTime created = between(a.createdAt(), bookBy);
      if (r.nextDouble() < 0.88) {
        OffsetDateTime in = checkIn(a);
        drafts.add(
            new Draft("CHECKED_IN", party, person(taken), created, created, in, null, in, 2));
      } else {
        OffsetDateTime marked = a.endsAt().plusMinutes(10 + r.nextInt(30));
        drafts.add(
            new Draft("NO_SHOW", party, person(taken), created, created, null, null, marked, 2));
      }
    }
    int cancellations = (int) Math.round(drafts.size() * 0.15 * r.nextDouble());
    for (int i = 0; i < cancellations; i++) {
      drafts.add(cancelledBefore(a, person(taken), bookBy));
    }
    return drafts;
  }

  private List<Draft> upcoming(DemoActivity a, LocalDate anchorDay, boolean full) {
    long daysAhead = ChronoUnit.DAYS.between(anchorDay, a.startsAt().toLocalDate());
    int target = full ? a.capacity() : (int) Math.floor(a.capacity() * fill(daysAhead));
    OffsetDateTime opened = later(a.createdAt(), anchorStart.minusDays(21));
    OffsetDateTime bookBy = anchorStart.minusMinutes(5);
    List<Draft> drafts = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    OffsetDateTime last = opened;
    for (int seatsHeld = 0; seatsHeld < target; ) {
      int party = Math.min(party(), target - seatsHeld);
      seatsHeld += party;
      OffsetDateTime created = between(opened, bookBy);
      last = later(last, created);
      drafts.add(
          new Draft("CONFIRMED", party, person(taken), created, created, null, null, created, 1));
    }
    int cancellations = (int) Math.round(drafts.size() * 0.08 * r.nextDouble());
    for (int i = 0; i < cancellations; i++) {
      drafts.add(cancelledBefore(opened, person(taken), bookBy));
    }
    if (full && a.hasWaitlist() && r.nextDouble() < 0.6) {
      int waiting = 1 + r.nextInt(5);
      for (int i = 0; i < waiting; i++) {
        OffsetDateTime created = between(last, bookBy);
        drafts.add(
            new Draft(
                "WAITLISTED",
                1 + (r.nextDouble() < 0.3 ? 1 : 0),
                person(taken),
                created,
                null,
                null,
                null,
                created,
                1));
      }
    }
    return drafts;
  }

  /** The share of seats already booked, by how many days ahead the session is. */
  private double fill(long daysAhead) {
    if (daysAhead <= 2) {
      return 0.5 + 0.45 * r.nextDouble();
    }
    if (daysAhead <= 7) {
      return 0.3 + 0.6 * r.nextDouble();
    }
    if (daysAhead <= 21) {
      return r.nextDouble() < 0.85 ? 0.1 + 0.5 * r.nextDouble() : 0;
    }
    if (daysAhead <= 45) {
      return r.nextDouble() < 0.5 ? 0.3 * r.nextDouble() : 0;
    }
    return r.nextDouble() < 0.08 ? 0.1 : 0;
  }

  private List<Draft> cancelledWithActivity(DemoActivity a) {
    List<Draft> drafts = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    int count = 2 + r.nextInt(9);
    for (int i = 0; i < count; i++) {
      OffsetDateTime created = between(a.createdAt(), a.cancelledAt());
      drafts.add(
          new Draft(
              "CANCELLED",
              party(),
              person(taken),
              created,
              created,
              null,
              a.cancelledAt(),
              a.cancelledAt(),
              2));
    }
    return drafts;
  }

  private Draft cancelledBefore(DemoActivity a, People.Person p, OffsetDateTime bookBy) {
    return cancelledBefore(a.createdAt(), p, bookBy);
  }

  private Draft cancelledBefore(OffsetDateTime opened, People.Person p, OffsetDateTime bookBy) {
    OffsetDateTime created = between(opened, bookBy);
    OffsetDateTime cancelled = between(created, bookBy);
    return new Draft("CANCELLED", party(), p, created, created, null, cancelled, cancelled, 2);
  }

  /** Numbers an activity's bookings in the order they were made and hands out their codes. */
  private void keep(DemoActivity a, List<Draft> drafts) {
    List<Draft> ordered = new ArrayList<>(drafts);
    ordered.sort(Comparator.comparing(Draft::created));
    int held = 0;
    for (Draft d : ordered) {
      DemoBooking b =
          new DemoBooking(
              rows.size() + 1,
              people.code(),
              a.id(),
              d.status(),
              d.party(),
              d.person().name(),
              d.person().phone(),
              d.created(),
              d.confirmed(),
              d.checkedIn(),
              d.cancelled(),
              d.updated(),
              d.version());
      rows.add(b);
      held += b.holdsSeats() ? b.partySize() : 0;
    }
    seats.put(a.id(), held);
  }

  /** Checked in at the door: from the start to twenty minutes in, never after the end. */
  private OffsetDateTime checkIn(DemoActivity a) {
    long window = Math.min(20 * 60, Duration.between(a.startsAt(), a.endsAt()).getSeconds() - 1);
    return a.startsAt().plusSeconds((long) (window * r.nextDouble()));
  }

  private int party() {
    double x = r.nextDouble();
    return x < 0.6 ? 1 : x < 0.88 ? 2 : x < 0.96 ? 3 : 4;
  }

  /** A resident not yet booked on this activity: one phone holds one active booking. */
  private People.Person person(Set<Integer> taken) {
    while (true) {
      int i = r.nextInt(people.size());
      if (taken.add(i)) {
        return people.get(i);
      }
    }
  }

  private OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
    long seconds = Math.max(1, Duration.between(from, to).getSeconds());
    return from.plusSeconds((long) (seconds * r.nextDouble()));
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
