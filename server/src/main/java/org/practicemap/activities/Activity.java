package org.practicemap.activities;

import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.practicemap.common.LocalZone;
import org.practicemap.common.LocalizedText;

/** A session at a point, as stored. Status and seats left are derived, never stored. */
public record Activity(
    long id,
    long pointId,
    Long deploymentId,
    String themeCode,
    String category,
    String festival,
    String department,
    LocalizedText title,
    LocalizedText description,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    Integer capacity,
    int seatsTaken,
    boolean hasWaitlist,
    OffsetDateTime cancelledAt,
    String cancelReason,
    long version,
    Double deploymentLat,
    Double deploymentLng) {

  /** The columns {@link #from} reads (activity alias {@code a}, deployment alias {@code d}). */
  static final String COLUMNS =
      "a.id, a.point_id, a.deployment_id, a.theme_code, a.category, a.festival, a.department,"
          + " a.title_zh, a.title_mn, a.title_en, a.description_zh, a.description_mn,"
          + " a.description_en, a.starts_at, a.ends_at, a.capacity, a.seats_taken,"
          + " a.has_waitlist, a.cancelled_at, a.cancel_reason, a.version,"
          + " d.lat AS deployment_lat, d.lng AS deployment_lng";

  /** The FROM clause that goes with {@link #COLUMNS}. */
  static final String FROM = " FROM activity a LEFT JOIN deployment d ON d.id = a.deployment_id";

  static Activity from(Row row) {
    return new Activity(
        row.getLong("id"),
        row.getLong("point_id"),
        row.getLong("deployment_id"),
        row.getString("theme_code"),
        row.getString("category"),
        row.getString("festival"),
        row.getString("department"),
        LocalizedText.from(row, "title"),
        LocalizedText.from(row, "description"),
        LocalZone.offsetTime(row.getOffsetDateTime("starts_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("ends_at")),
        row.getInteger("capacity"),
        row.getInteger("seats_taken"),
        row.getBoolean("has_waitlist"),
        LocalZone.offsetTime(row.getOffsetDateTime("cancelled_at")),
        row.getString("cancel_reason"),
        row.getLong("version"),
        row.getDouble("deployment_lat"),
        row.getDouble("deployment_lng"));
  }

  /** The same activity with another count of taken seats, e.g. after a booking changed it. */
  public Activity withSeatsTaken(int seats) {
    return new Activity(
        id,
        pointId,
        deploymentId,
        themeCode,
        category,
        festival,
        department,
        title,
        description,
        startsAt,
        endsAt,
        capacity,
        seats,
        hasWaitlist,
        cancelledAt,
        cancelReason,
        version,
        deploymentLat,
        deploymentLng);
  }

  /** Seats still free, or null for an open event. */
  public Integer seatsLeft() {
    return capacity == null ? null : Math.max(0, capacity - seatsTaken);
  }

  public String status(Instant now) {
    if (cancelledAt != null) {
      return "CANCELLED";
    }
    if (now.isBefore(startsAt.toInstant())) {
      return "SCHEDULED";
    }
    return now.isBefore(endsAt.toInstant()) ? "ONGOING" : "FINISHED";
  }

  /** A seat can be asked for: it has a capacity, is not cancelled and has not ended. */
  public boolean bookable(Instant now) {
    return capacity != null && cancelledAt == null && now.isBefore(endsAt.toInstant());
  }
}
