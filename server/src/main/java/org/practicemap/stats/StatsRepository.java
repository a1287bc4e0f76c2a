package org.practicemap.stats;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;

/**
 * The SQL of {@code stats}: at most three statements whatever the range and the data size — the
 * scope and settled months, then the figures by theme/month/category/festival/department (the
 * settled months' rollups plus one {@code GROUPING SETS} pass over the other days), then by point
 * and level when asked. See {@code V8_1__stats.sql} for the tables and {@link Coverage} for which
 * days come from where.
 */
final class StatsRepository {
  private static final String SCOPE =
      "SELECT (SELECT path::text FROM point WHERE id = $1) AS path,"
          + " ARRAY(SELECT month FROM stats_settled_month WHERE month >= $2"
          + " AND (month + interval '1 month')::date - 1 <= $3 ORDER BY month) AS months,"
          + " ARRAY(SELECT day FROM stats_settled_day WHERE day BETWEEN $2 AND $3) AS days";

  /** The figures of one activity row: held-only counts wait until it has ended. */
  private static final String FACT_FIGURES =
      " CASE WHEN f.ends_at <= now() THEN 1 ELSE 0 END,"
          + " CASE WHEN f.ends_at <= now() THEN f.checked_in + f.walk_ins ELSE 0 END,"
          + " f.bookings,"
          + " CASE WHEN f.ends_at <= now() THEN f.seats ELSE 0 END,"
          + " CASE WHEN f.ends_at <= now() THEN coalesce(f.capacity, 0) ELSE 0 END,"
          + " CASE WHEN f.ends_at <= now() THEN f.checked_in ELSE 0 END,"
          + " CASE WHEN f.ends_at <= now() THEN f.no_show ELSE 0 END";

  private static final String SUMS =
      " sum(held)::bigint AS held, sum(served)::bigint AS served, sum(bookings)::bigint AS bookings,"
          + " sum(seats)::bigint AS seats, sum(capacity)::bigint AS capacity,"
          + " sum(checked_in)::bigint AS checked_in, sum(no_show)::bigint AS no_show";

  static final List<GroupBy> DIMENSIONS =
      List.of(GroupBy.MONTH, GroupBy.THEME, GroupBy.CATEGORY, GroupBy.FESTIVAL, GroupBy.DEPARTMENT);
  static final List<String> COLUMNS =
      List.of("month", "theme_code", "category", "festival", "department");

  private final Sql sql;

  /**
   * The dimensions of the request answered by the subtree rollups, in {@link #DIMENSIONS} order.
   */
  static List<GroupBy> asked(StatsRequest request) {
    return DIMENSIONS.stream().filter(request::wants).toList();
  }

  static String column(GroupBy by) {
    return COLUMNS.get(DIMENSIONS.indexOf(by));
  }

  StatsRepository(Sql sql) {
    this.sql = sql;
  }

  Future<Stats> stats(StatsRequest request) {
    return sql.query(SCOPE, Tuple.of(request.scopeId(), request.from(), request.to()))
        .compose(
            rows -> {
              Row row = rows.iterator().next();
              String path = row.getString("path");
              if (request.scopeId() != null && path == null) {
                throw ApiException.notFound(
                    "There is no point "
                        + GlobalId.of("Point", request.scopeId())
                        + " to count the figures of.");
              }
              List<LocalDate> months = Arrays.asList(row.getArrayOfLocalDates("months"));
              List<LocalDate> days = Arrays.asList(row.getArrayOfLocalDates("days"));
              return answer(
                  request,
                  path,
                  Coverage.ofDays(request.from(), request.to(), days),
                  Coverage.of(request.from(), request.to(), months));
            });
  }

  private Future<Stats> answer(
      StatsRequest request, String path, Coverage byDay, Coverage byMonth) {
    Future<List<Row>> dims = dimensions(request, path, byDay);
    boolean perPoint = request.groupBy().stream().anyMatch(GroupBy::perPoint);
    Future<List<Row>> points =
        perPoint ? points(request, path, byMonth) : Future.succeededFuture(List.of());
    return Future.all(dims, points)
        .map(done -> StatsRows.assemble(request, dims.result(), points.result()));
  }

  /**
   * Settled days from the per-dimension rollups (their dim '' rows hold the day totals), the other
   * days from the activity rows grouped once per asked dimension; {@link StatsRows} adds the two
   * up. Rows: dim ('' for totals, MONTH, THEME…), key, month (settled rows only), figures.
   */
  private Future<List<Row>> dimensions(StatsRequest request, String path, Coverage c) {
    List<GroupBy> asked = asked(request);
    List<String> sets = new ArrayList<>(List.of("()"));
    StringBuilder dim = new StringBuilder("CASE");
    List<String> keys = new ArrayList<>();
    for (GroupBy by : asked) {
      String column = column(by);
      sets.add("(" + column + ")");
      dim.append(" WHEN GROUPING(").append(column).append(") = 0 THEN '").append(by).append("'");
      keys.add(by == GroupBy.MONTH ? "to_char(month, 'YYYY-MM')" : column);
    }
    dim.append(" ELSE '' END");
    keys.add("''");
    List<String> rolled = new ArrayList<>(List.of(""));
    asked.stream().filter(by -> by != GroupBy.MONTH).forEach(by -> rolled.add(by.name()));
    String facts =
        "SELECT date_trunc('month', f.day)::date AS month, coalesce(f.theme_code, '') AS theme_code,"
            + " f.category, coalesce(f.festival, '') AS festival,"
            + " coalesce(f.department, '') AS department,"
            + FACT_FIGURES
            + " FROM unnest($3::date[], $4::date[]) AS o(a, b)"
            + " JOIN stats_activity f ON f.day BETWEEN o.a AND o.b"
            + (path == null ? "" : " JOIN point p ON p.id = f.point_id AND p.path <@ $7::ltree")
            + " WHERE NOT f.cancelled";
    String query =
        "SELECT u.*, t.name_zh, t.name_mn, t.name_en FROM ("
            + "SELECT dim, key, date_trunc('month', day)::date AS month,"
            + SUMS
            // Only settled days have rows: one range of the index, no list of days.
            + " FROM stats_day WHERE scope_id = $1 AND day BETWEEN $2::date AND $6::date"
            + " AND dim = ANY($5::text[])"
            // A day settled since the first statement is read from the activity rows.
            + " AND NOT EXISTS (SELECT 1 FROM unnest($3::date[], $4::date[]) AS x(a, b)"
            + " WHERE day BETWEEN x.a AND x.b) GROUP BY 1, 2, 3"
            + " UNION ALL SELECT "
            + (asked.isEmpty() ? "''" : dim)
            + " AS dim, coalesce("
            + String.join(", ", keys)
            + ") AS key, NULL::date AS month,"
            + SUMS
            + " FROM ("
            + facts
            + ") AS r (month, theme_code, category, festival, department, held, served, bookings,"
            + " seats, capacity, checked_in, no_show)"
            + " GROUP BY GROUPING SETS ("
            + String.join(", ", sets)
            + ")) u LEFT JOIN theme t ON u.dim = 'THEME' AND t.code = u.key";
    Tuple args =
        Tuple.of(
            request.scopeId() == null ? 0L : request.scopeId(),
            request.from(),
            c.openFrom().toArray(LocalDate[]::new),
            c.openTo().toArray(LocalDate[]::new),
            rolled.toArray(String[]::new),
            request.to());
    if (path != null) {
      args.addString(path);
    }
    return sql.query(query, args).map(StatsRepository::list);
  }

  private Future<List<Row>> points(StatsRequest request, String path, Coverage c) {
    String scoped = path == null ? "" : " JOIN point p ON p.id = %s AND p.path <@ $5::ltree";
    String query =
        "WITH r AS (SELECT m.point_id, m.held, m.served, m.bookings, m.seats, m.capacity,"
            + " m.checked_in, m.no_show FROM stats_point_month m"
            + scoped.formatted("m.point_id")
            // The months the first statement found settled, and only those: a month settled
            // since is read from the activity rows. A list, not an anti-join against the open
            // runs: that probed every rollup row (measured: 40 of 155 ms over 110k rows).
            + " WHERE m.month = ANY($1::date[])"
            + " UNION ALL SELECT f.point_id,"
            + FACT_FIGURES
            + " FROM unnest($2::date[], $3::date[]) AS o(a, b)"
            + " JOIN stats_activity f ON f.day BETWEEN o.a AND o.b"
            + scoped.formatted("f.point_id")
            + " WHERE NOT f.cancelled),"
            + " a AS (SELECT point_id,"
            + SUMS
            + " FROM r GROUP BY point_id)"
            + " SELECT 'POINT' AS kind, a.*, p.level, p.name_zh, p.name_mn, p.name_en FROM"
            + " (SELECT * FROM a ORDER BY held DESC, served DESC, point_id LIMIT $4) a"
            + " JOIN point p ON p.id = a.point_id"
            + " UNION ALL SELECT 'LEVEL', NULL,"
            + SUMS
            + ", p.level, NULL, NULL, NULL FROM a JOIN point p ON p.id = a.point_id"
            + " GROUP BY p.level";
    Tuple args =
        Tuple.of(
            c.settled().toArray(LocalDate[]::new),
            c.openFrom().toArray(LocalDate[]::new),
            c.openTo().toArray(LocalDate[]::new),
            request.maxGroups());
    if (path != null) {
      args.addString(path);
    }
    return sql.query(query, args).map(StatsRepository::list);
  }

  private static List<Row> list(Iterable<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }
}
