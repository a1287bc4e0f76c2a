package org.practicemap.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * When the door is open for an activity: from {@link #OPENS_BEFORE} before its start to its end.
 * Tickets are checked in and walk-ins recorded only then, as door systems do (pretix refuses a scan
 * outside the admission window with the reason). Before, a ticket could be checked in days early,
 * so a code read out by mistake at an earlier session of a series was spent. After the end the
 * party did not come: the no-show sweep marks the booking NO_SHOW and frees its seats.
 */
record CheckInWindow(OffsetDateTime opensAt, OffsetDateTime closesAt) {
  /** People queue at the door well before the start. */
  static final Duration OPENS_BEFORE = Duration.ofHours(2);

  static CheckInWindow of(OffsetDateTime startsAt, OffsetDateTime endsAt) {
    return new CheckInWindow(startsAt.minus(OPENS_BEFORE), endsAt);
  }

  boolean notOpenYet(Instant now) {
    return now.isBefore(opensAt.toInstant());
  }

  boolean closed(Instant now) {
    return now.isAfter(closesAt.toInstant());
  }
}
