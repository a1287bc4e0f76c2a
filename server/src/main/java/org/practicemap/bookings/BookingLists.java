package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Cursor;
import org.practicemap.graphql.PageRequest;

/**
 * The bookings of many activities at once, a page each: {@code Activity.bookings} under a list of
 * activities costs one statement for every page and one for every count, not one per activity.
 * Pages are in booking order ({@code created_at}, then id); the cursor is (created µs, id).
 */
final class BookingLists {
  private final Sql sql;

  BookingLists(Sql sql) {
    this.sql = sql;
  }

  /** Which bookings to list: the statuses (null: all), and one activity's page of them. */
  record Filter(List<String> statuses) {}

  /** One activity's page; requests that differ only in the activity are loaded together. */
  record PageKey(long activityId, Filter filter, int limit, Long afterMicros, Long afterId) {
    static PageKey of(long activityId, Filter filter, PageRequest page) {
      Cursor after = page.cursor(2);
      return after == null
          ? new PageKey(activityId, filter, page.limit(), null, null)
          : new PageKey(activityId, filter, page.limit(), after.key(0), after.key(1));
    }

    PageKey shape() {
      return new PageKey(0, filter, limit, afterMicros, afterId);
    }
  }

  /** One activity's count under a filter. */
  record CountKey(long activityId, Filter filter) {}

  static String cursor(Booking b) {
    return Cursor.encode(
        ChronoUnit.MICROS.between(Instant.EPOCH, b.createdAt().toInstant()), b.id());
  }

  /**
   * The pages asked for, up to {@code limit} rows each (one more than the page: see Connection).
   */
  Future<Map<PageKey, List<Booking>>> pages(List<PageKey> keys) {
    Map<PageKey, List<PageKey>> byShape = new LinkedHashMap<>();
    keys.forEach(k -> byShape.computeIfAbsent(k.shape(), s -> new ArrayList<>()).add(k));
    List<Future<Map<PageKey, List<Booking>>>> loads = new ArrayList<>();
    byShape.forEach((shape, same) -> loads.add(pagesOfShape(shape, same)));
    return Future.all(loads)
        .map(
            done -> {
              Map<PageKey, List<Booking>> all = new HashMap<>();
              loads.forEach(f -> all.putAll(f.result()));
              return all;
            });
  }

  /**
   * One statement for every activity of one shape: a LATERAL subquery per activity walks the index
   * on (activity_id, created_at, id) and stops after {@code limit} rows.
   */
  private Future<Map<PageKey, List<Booking>>> pagesOfShape(PageKey shape, List<PageKey> keys) {
    Tuple args = Tuple.tuple().addArrayOfLong(ids(keys));
    StringBuilder where = new StringBuilder("b.activity_id = p.id");
    statusCondition(shape.filter(), args, where);
    if (shape.afterMicros() != null) {
      args.addOffsetDateTime(fromMicros(shape.afterMicros())).addLong(shape.afterId());
      where
          .append(" AND (b.created_at, b.id) > ($")
          .append(args.size() - 1)
          .append(", $")
          .append(args.size())
          .append(')');
    }
    args.addInteger(shape.limit());
    String query =
        "SELECT lb.* FROM unnest($1::bigint[]) AS p(id) CROSS JOIN LATERAL (SELECT "
            + Booking.COLUMNS
            + " FROM booking b WHERE "
            + where
            + " ORDER BY b.created_at, b.id LIMIT $"
            + args.size()
            + ") lb";
    return sql.query(query, args)
        .map(
            rows -> {
              Map<Long, List<Booking>> byActivity = new HashMap<>();
              rows.forEach(
                  r -> {
                    Booking b = Booking.from(r);
                    byActivity.computeIfAbsent(b.activityId(), k -> new ArrayList<>()).add(b);
                  });
              Map<PageKey, List<Booking>> pages = new HashMap<>();
              keys.forEach(k -> pages.put(k, byActivity.getOrDefault(k.activityId(), List.of())));
              return pages;
            });
  }

  /** How many bookings each activity holds under its filter; one statement per filter. */
  Future<Map<CountKey, Integer>> counts(List<CountKey> keys) {
    Map<Filter, List<CountKey>> byFilter = new LinkedHashMap<>();
    keys.forEach(k -> byFilter.computeIfAbsent(k.filter(), f -> new ArrayList<>()).add(k));
    List<Future<Map<CountKey, Integer>>> loads = new ArrayList<>();
    byFilter.forEach((filter, same) -> loads.add(countsOf(filter, same)));
    return Future.all(loads)
        .map(
            done -> {
              Map<CountKey, Integer> all = new HashMap<>();
              loads.forEach(f -> all.putAll(f.result()));
              return all;
            });
  }

  private Future<Map<CountKey, Integer>> countsOf(Filter filter, List<CountKey> keys) {
    Tuple args =
        Tuple.tuple().addArrayOfLong(keys.stream().map(CountKey::activityId).toArray(Long[]::new));
    StringBuilder where = new StringBuilder("b.activity_id = ANY($1)");
    statusCondition(filter, args, where);
    return sql.query(
            "SELECT b.activity_id, count(*) FROM booking b WHERE "
                + where
                + " GROUP BY b.activity_id",
            args)
        .map(
            rows -> {
              Map<Long, Integer> byActivity = new HashMap<>();
              rows.forEach(r -> byActivity.put(r.getLong(0), r.getLong(1).intValue()));
              Map<CountKey, Integer> counts = new HashMap<>();
              keys.forEach(k -> counts.put(k, byActivity.getOrDefault(k.activityId(), 0)));
              return counts;
            });
  }

  private static void statusCondition(Filter filter, Tuple args, StringBuilder where) {
    if (filter.statuses() != null) {
      args.addArrayOfString(filter.statuses().toArray(String[]::new));
      where.append(" AND b.status = ANY($").append(args.size()).append(')');
    }
  }

  private static Long[] ids(List<PageKey> keys) {
    return keys.stream().map(PageKey::activityId).distinct().toArray(Long[]::new);
  }

  private static OffsetDateTime fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
