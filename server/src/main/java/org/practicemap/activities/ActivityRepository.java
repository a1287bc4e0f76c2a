package org.practicemap.activities;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.Sql;
import org.practicemap.db.Where;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Cursor;
import org.practicemap.graphql.PageRequest;

/** Reads activities and their stalls. */
public final class ActivityRepository {
  private final Sql sql;

  public ActivityRepository(Sql sql) {
    this.sql = sql;
  }

  public Future<Map<Long, Activity>> byIds(List<Long> ids) {
    return sql.query(
            "SELECT " + Activity.COLUMNS + Activity.FROM + " WHERE a.id = ANY($1)",
            Tuple.of(ids.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, Activity> byId = new HashMap<>();
              rows.forEach(row -> byId.put(row.getLong("id"), Activity.from(row)));
              return byId;
            });
  }

  /**
   * Locks one activity's row until the end of the transaction {@code tx} ({@code SELECT … FOR
   * UPDATE}) and returns it, or null when there is none. Every change of its seats (bookings,
   * cancellations, the no-show sweep) takes this lock first, which serialises them per activity and
   * gives all writers the same lock order: activity, then bookings.
   */
  public static Future<Activity> lockForUpdate(Sql tx, long id) {
    return tx.query(
            "SELECT " + Activity.COLUMNS + Activity.FROM + " WHERE a.id = $1 FOR UPDATE OF a",
            Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : Activity.from(rows.iterator().next()));
  }

  /** A page of activities ordered by start time, then id; the cursor is (start µs, id). */
  public Future<Connection<Activity>> list(ActivityFilter filter, PageRequest page) {
    Where where = where(filter);
    Where count = where.copy();
    Cursor after = page.cursor(2);
    if (after != null) {
      where.and("(a.starts_at, a.id) > ($?, $?)", fromMicros(after.key(0)), after.key(1));
    }
    String query =
        "SELECT "
            + Activity.COLUMNS
            + Activity.FROM
            + where.sql()
            + " ORDER BY a.starts_at, a.id LIMIT $"
            + where.param(page.limit());
    return sql.query(query, where.args())
        .map(
            rows -> {
              List<Activity> activities = new ArrayList<>();
              rows.forEach(row -> activities.add(Activity.from(row)));
              return Connection.of(
                  activities,
                  page,
                  a -> Cursor.encode(micros(a.startsAt()), a.id()),
                  () ->
                      sql.query("SELECT count(*) FROM activity a" + count.sql(), count.args())
                          .map(r -> r.iterator().next().getLong(0).intValue()));
            });
  }

  Future<Map<Long, List<Stall>>> stalls(List<Long> activityIds) {
    return sql.query(
            "SELECT activity_id, number, name_zh, name_mn, name_en, department, description_zh,"
                + " description_mn, description_en FROM stall WHERE activity_id = ANY($1)"
                + " ORDER BY activity_id, number",
            Tuple.of(activityIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, List<Stall>> byActivity = new HashMap<>();
              rows.forEach(
                  row -> {
                    Stall stall = Stall.from(row);
                    byActivity
                        .computeIfAbsent(stall.activityId(), k -> new ArrayList<>())
                        .add(stall);
                  });
              return byActivity;
            });
  }

  private static Where where(ActivityFilter filter) {
    Where where = new Where();
    if (filter.themeCode() != null) {
      where.and("a.theme_code = $?", filter.themeCode());
    }
    if (filter.point() != null && filter.point().subtree()) {
      where.and(
          "a.point_id IN (SELECT id FROM point WHERE path <@ $?::ltree)", filter.point().path());
    } else if (filter.point() != null) {
      where.and("a.point_id = $?", filter.point().id());
    }
    if (filter.from() != null) {
      where.and("a.ends_at > $?", filter.from());
    }
    if (filter.to() != null) {
      where.and("a.starts_at < $?", filter.to());
    }
    if (filter.category() != null) {
      where.and("a.category = $?", filter.category());
    }
    if (filter.festival() != null) {
      where.and("a.festival = $?", filter.festival());
    }
    if (Boolean.TRUE.equals(filter.hasSeats())) {
      where.and("a.capacity IS NOT NULL AND a.seats_taken < a.capacity");
    } else if (Boolean.FALSE.equals(filter.hasSeats())) {
      where.and("(a.capacity IS NULL OR a.seats_taken >= a.capacity)");
    }
    if (filter.status() != null) {
      where.and(statusCondition(filter.status()));
    }
    return where;
  }

  private static String statusCondition(String status) {
    return switch (status) {
      case "CANCELLED" -> "a.cancelled_at IS NOT NULL";
      case "SCHEDULED" -> "a.cancelled_at IS NULL AND a.starts_at > now()";
      case "ONGOING" -> "a.cancelled_at IS NULL AND a.starts_at <= now() AND a.ends_at > now()";
      case "FINISHED" -> "a.cancelled_at IS NULL AND a.ends_at <= now()";
      default -> throw new IllegalArgumentException("Unknown status " + status);
    };
  }

  private static long micros(OffsetDateTime time) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
  }

  private static OffsetDateTime fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
