package org.practicemap.bookings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;

/**
 * {@code practicemap_bookings_total{outcome}} on this replica: confirmed, waitlisted, refused (the
 * attempt failed: full without a waiting list, over a limit, bad input), replayed (an idempotency
 * key seen before: no new booking) and cancelled. Sum the replicas for the service's figure.
 */
final class BookingCounters {
  private final Counter confirmed;
  private final Counter waitlisted;
  private final Counter refused;
  private final Counter replayed;
  private final Counter cancelled;

  BookingCounters(MeterRegistry registry) {
    confirmed = counter(registry, "confirmed");
    waitlisted = counter(registry, "waitlisted");
    refused = counter(registry, "refused");
    replayed = counter(registry, "replayed");
    cancelled = counter(registry, "cancelled");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("practicemap.bookings")
        .description("Booking attempts and cancellations by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  void booked(AsyncResult<BookingService.Booked> result) {
    if (result.failed()) {
      refused.increment();
    } else if (result.result().replayed()) {
      replayed.increment();
    } else if (result.result().booking().status().equals("WAITLISTED")) {
      waitlisted.increment();
    } else {
      confirmed.increment();
    }
  }

  void cancelled(AsyncResult<BookingService.Cancelled> result) {
    if (result.succeeded()) {
      cancelled.increment();
    }
  }
}
