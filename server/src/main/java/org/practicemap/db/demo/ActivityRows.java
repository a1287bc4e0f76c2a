package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Writes the activities with their seats, the market stalls, the bookings and the attendance. */
final class ActivityRows {
  private ActivityRows() {}

  static void write(
      Connection c,
      List<DemoActivity> activities,
      Map<Long, List<Market.Stall>> stalls,
      Bookings bookings,
      List<Attendance.Row> attendance)
      throws SQLException {
    activities(c, activities, bookings);
    stalls(c, stalls);
    bookings(c, bookings);
    Rows rows = Rows.into("attendance", "id", "activity_id", "count", "recorded_at", "recorded_by");
    for (Attendance.Row a : attendance) {
      rows.add(a.id(), a.activityId(), a.count(), a.recordedAt(), a.recordedBy());
    }
    rows.write(c);
  }

  private static void activities(Connection c, List<DemoActivity> activities, Bookings bookings)
      throws SQLException {
    Rows rows =
        Rows.into(
            "activity",
            "id",
            "point_id",
            "deployment_id",
            "theme_code",
            "category",
            "festival",
            "department",
            "title_zh",
            "title_mn",
            "title_en",
            "description_zh",
            "description_mn",
            "description_en",
            "starts_at",
            "ends_at",
            "capacity",
            "seats_taken",
            "has_waitlist",
            "cancelled_at",
            "cancel_reason",
            "created_at",
            "updated_at",
            "version");
    for (DemoActivity a : activities) {
      rows.add(
          a.id(),
          a.pointId(),
          a.deploymentId(),
          a.theme(),
          a.category(),
          a.festival(),
          a.department(),
          a.title().zh(),
          a.title().mn(),
          a.title().en(),
          a.description().zh(),
          a.description().mn(),
          a.description().en(),
          a.startsAt(),
          a.endsAt(),
          a.capacity(),
          bookings.seatsTaken(a.id()),
          a.hasWaitlist(),
          a.cancelledAt(),
          a.cancelReason(),
          a.createdAt(),
          a.cancelled() ? a.cancelledAt() : a.createdAt(),
          a.cancelled() ? 2 : 1);
    }
    rows.write(c);
  }

  private static void stalls(Connection c, Map<Long, List<Market.Stall>> stalls)
      throws SQLException {
    Rows rows =
        Rows.into(
            "stall",
            "id",
            "activity_id",
            "number",
            "name_zh",
            "name_mn",
            "name_en",
            "department",
            "description_zh",
            "description_mn",
            "description_en");
    long id = 1;
    for (Map.Entry<Long, List<Market.Stall>> market : stalls.entrySet()) {
      for (Market.Stall s : market.getValue()) {
        rows.add(
            id++,
            market.getKey(),
            s.number(),
            s.name().zh(),
            s.name().mn(),
            s.name().en(),
            s.department(),
            s.description().zh(),
            s.description().mn(),
            s.description().en());
      }
    }
    rows.write(c);
  }

  private static void bookings(Connection c, Bookings bookings) throws SQLException {
    Rows rows =
        Rows.into(
            "booking",
            "id",
            "code",
            "activity_id",
            "status",
            "party_size",
            "name",
            "phone",
            "source",
            "idempotency_key",
            "created_at",
            "confirmed_at",
            "checked_in_at",
            "cancelled_at",
            "updated_at",
            "version");
    for (DemoBooking b : bookings.rows()) {
      rows.add(
          b.id(),
          b.code(),
          b.activityId(),
          b.status(),
          b.partySize(),
          b.name(),
          b.phone(),
          "demo",
          null,
          b.createdAt(),
          b.confirmedAt(),
          b.checkedInAt(),
          b.cancelledAt(),
          b.updatedAt(),
          b.version());
    }
    rows.write(c);
  }
}
