package org.practicemap.activities;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;

/** Writes activities; every method runs inside a transaction. */
final class ActivityWriter {
  /** An activity locked for change, with the path of its point (for the scope check). */
  record Locked(Activity activity, String pointPath) {}

  private static final String SNAPSHOT =
      "SELECT to_jsonb(a) - 'version' - 'updated_at' - 'created_at' AS json FROM activity a"
          + " WHERE a.id = $1";

  private ActivityWriter() {}

  static Future<Locked> lock(Sql tx, long id) {
    return tx.query(
            "SELECT "
                + Activity.COLUMNS
                + ", p.path::text AS point_path"
                + Activity.FROM
                + " JOIN point p ON p.id = a.point_id WHERE a.id = $1 FOR UPDATE OF a",
            Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : locked(rows.iterator().next()));
  }

  private static Locked locked(Row row) {
    return new Locked(Activity.from(row), row.getString("point_path"));
  }

  static Future<Activity> find(Sql tx, long id) {
    return tx.query("SELECT " + Activity.COLUMNS + Activity.FROM + " WHERE a.id = $1", Tuple.of(id))
        .map(rows -> Activity.from(rows.iterator().next()));
  }

  static Future<JsonObject> snapshot(Sql tx, long id) {
    return tx.query(SNAPSHOT, Tuple.of(id))
        .map(rows -> rows.iterator().next().getJsonObject("json"));
  }

  /** The ltree path of a point, or null when there is no such point. */
  static Future<String> pointPath(Sql tx, long pointId) {
    return tx.query("SELECT path::text FROM point WHERE id = $1", Tuple.of(pointId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  static Future<Long> insert(Sql tx, long pointId, ActivityDraft d) {
    LocalizedText description = d.description() == null ? LocalizedText.NONE : d.description();
    return tx.query(
            "INSERT INTO activity (point_id, theme_code, category, festival, department, title_zh,"
                + " title_mn, title_en, description_zh, description_mn, description_en, starts_at,"
                + " ends_at, capacity, has_waitlist) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                + " $10, $11, $12, $13, $14, $15) RETURNING id",
            Tuple.tuple()
                .addValue(pointId)
                .addValue(d.themeCode())
                .addValue(d.category())
                .addValue(d.festival())
                .addValue(d.department())
                .addValue(d.title().zh())
                .addValue(d.title().mn())
                .addValue(d.title().en())
                .addValue(description.zh())
                .addValue(description.mn())
                .addValue(description.en())
                .addValue(d.startsAt())
                .addValue(d.endsAt())
                .addValue(d.capacity())
                .addValue(d.hasWaitlist() == null || d.hasWaitlist()))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Changes the sent fields; a new point drops the mobile deployment, which was the old one's. */
  static Future<Void> update(Sql tx, long id, Long newPointId, ActivityDraft d) {
    List<String> sets = new ArrayList<>();
    Tuple args = Tuple.of(id);
    if (newPointId != null) {
      set(sets, args, "point_id", newPointId);
      sets.add("deployment_id = NULL");
    }
    if (d.sent("title")) {
      text(sets, args, "title", d.title());
    }
    if (d.sent("description")) {
      text(
          sets,
          args,
          "description",
          d.description() == null ? LocalizedText.NONE : d.description());
    }
    String[][] plain = {
      {"category", "category"},
      {"themeCode", "theme_code"},
      {"festival", "festival"},
      {"department", "department"},
      {"capacity", "capacity"},
      {"hasWaitlist", "has_waitlist"}
    };
    for (String[] field : plain) {
      if (d.sent(field[0])) {
        set(sets, args, field[1], value(d, field[0]));
      }
    }
    if (d.sent("startsAt")) {
      set(sets, args, "starts_at", d.startsAt());
    }
    if (d.sent("endsAt")) {
      set(sets, args, "ends_at", d.endsAt());
    }
    if (sets.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.query("UPDATE activity SET " + String.join(", ", sets) + " WHERE id = $1", args)
        .mapEmpty();
  }

  /**
   * Cancels the activity and its confirmed and waitlisted bookings; seats stay taken only by people
   * already checked in. Returns how many bookings were cancelled.
   */
  static Future<Integer> cancel(Sql tx, long id, String reason) {
    return tx.query(
            "UPDATE booking SET status = 'CANCELLED', cancelled_at = now()"
                + " WHERE activity_id = $1 AND status IN ('CONFIRMED', 'WAITLISTED')",
            Tuple.of(id))
        .compose(
            bookings ->
                tx.query(
                        "UPDATE activity SET cancelled_at = now(), cancel_reason = $2,"
                            + " seats_taken = (SELECT coalesce(sum(party_size), 0) FROM booking"
                            + " WHERE activity_id = $1 AND status = 'CHECKED_IN') WHERE id = $1",
                        Tuple.of(id, reason))
                    .map(v -> bookings.rowCount()));
  }

  /** Seats held by bookings that are not cancelled: a capacity may not go below them. */
  static Future<Integer> activeBookings(Sql tx, long id) {
    return tx.query(
            "SELECT count(*) FROM booking WHERE activity_id = $1"
                + " AND status IN ('CONFIRMED', 'WAITLISTED', 'CHECKED_IN')",
            Tuple.of(id))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  private static Object value(ActivityDraft d, String field) {
    return switch (field) {
      case "category" -> d.category();
      case "themeCode" -> d.themeCode();
      case "festival" -> d.festival();
      case "department" -> d.department();
      case "capacity" -> d.capacity();
      default -> d.hasWaitlist();
    };
  }

  private static void text(List<String> sets, Tuple args, String column, LocalizedText text) {
    set(sets, args, column + "_zh", text.zh());
    set(sets, args, column + "_mn", text.mn());
    set(sets, args, column + "_en", text.en());
  }

  private static void set(List<String> sets, Tuple args, String column, Object value) {
    args.addValue(value);
    sets.add(column + " = $" + args.size());
  }
}
