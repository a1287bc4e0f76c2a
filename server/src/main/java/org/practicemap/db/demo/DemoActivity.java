package org.practicemap.db.demo;

import java.time.OffsetDateTime;

/**
 * One activity as it will be written, before its seats are counted from the bookings. {@code crowd}
 * is how large a crowd an open event draws relative to others; the attendance is shared out by it.
 */
record DemoActivity(
    long id,
    long pointId,
    Long deploymentId,
    String theme,
    String category,
    String festival,
    String department,
    Words title,
    Words description,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    Integer capacity,
    boolean hasWaitlist,
    OffsetDateTime cancelledAt,
    String cancelReason,
    OffsetDateTime createdAt,
    double crowd) {

  boolean bookable() {
    return capacity != null;
  }

  boolean cancelled() {
    return cancelledAt != null;
  }

  DemoActivity withId(long newId) {
    return new DemoActivity(
        newId,
        pointId,
        deploymentId,
        theme,
        category,
        festival,
        department,
        title,
        description,
        startsAt,
        endsAt,
        capacity,
        hasWaitlist,
        cancelledAt,
        cancelReason,
        createdAt,
        crowd);
  }

  DemoActivity cancelled(OffsetDateTime at, String reason) {
    return new DemoActivity(
        id,
        pointId,
        deploymentId,
        theme,
        category,
        festival,
        department,
        title,
        description,
        startsAt,
        endsAt,
        capacity,
        hasWaitlist,
        at,
        reason,
        createdAt,
        crowd);
  }

  DemoActivity withCrowd(double newCrowd) {
    return new DemoActivity(
        id,
        pointId,
        deploymentId,
        theme,
        category,
        festival,
        department,
        title,
        description,
        startsAt,
        endsAt,
        capacity,
        hasWaitlist,
        cancelledAt,
        cancelReason,
        createdAt,
        newCrowd);
  }
}
