package org.practicemap.db.demo;

import java.time.OffsetDateTime;

/** One booking as it will be written; {@code version} counts its status changes plus one. */
record DemoBooking(
    long id,
    String code,
    long activityId,
    String status,
    int partySize,
    String name,
    String phone,
    OffsetDateTime createdAt,
    OffsetDateTime confirmedAt,
    OffsetDateTime checkedInAt,
    OffsetDateTime cancelledAt,
    OffsetDateTime updatedAt,
    int version) {

  /** Whether the booking holds seats: the ones {@code activity.seats_taken} counts. */
  boolean holdsSeats() {
    return status.equals("CONFIRMED") || status.equals("CHECKED_IN");
  }
}
