package org.practicemap.points;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.Sql;
import org.practicemap.db.Where;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Cursor;
import org.practicemap.graphql.PageRequest;

/** Reads points and what hangs on them: themes, opening hours, deployments. */
final class PointRepository {
  private final Sql sql;

  PointRepository(Sql sql) {
    this.sql = sql;
  }

  Future<Map<Long, Point>> byIds(List<Long> ids) {
    return sql.query(
            "SELECT " + Point.COLUMNS + " FROM point p WHERE p.id = ANY($1)",
            Tuple.of(ids.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, Point> byId = new HashMap<>();
              rows.forEach(row -> byId.put(row.getLong("id"), Point.from(row)));
              return byId;
            });
  }

  /** A page of points in id order. */
  Future<Connection<Point>> list(PointFilter filter, PageRequest page) {
    Where where = where(filter);
    Where count = where.copy();
    Cursor after = page.cursor(1);
    if (after != null) {
      where.and("p.id > $?", after.key(0));
    }
    String query =
        "SELECT "
            + Point.COLUMNS
            + " FROM point p"
            + where.sql()
            + " ORDER BY p.id LIMIT $"
            + where.param(page.limit());
    return sql.query(query, where.args())
        .map(
            rows -> {
              List<Point> points = new ArrayList<>();
              rows.forEach(row -> points.add(Point.from(row)));
              return Connection.of(
                  points,
                  page,
                  p -> Cursor.encode(p.id()),
                  () ->
                      sql.query("SELECT count(*) FROM point p" + count.sql(), count.args())
                          .map(r -> r.iterator().next().getLong(0).intValue()));
            });
  }

  private static Where where(PointFilter filter) {
    Where where = new Where();
    if (filter.level() != null) {
      where.and("p.level = $?", filter.level());
    }
    if (filter.themeCode() != null) {
      where.and(
          "EXISTS (SELECT 1 FROM point_theme t WHERE t.point_id = p.id AND t.theme_code = $?)",
          filter.themeCode());
    }
    if (filter.parentId() != null) {
      where.and("p.parent_id = $?", filter.parentId());
    }
    if (filter.onMap() != null) {
      where.and("p.on_map = $?", filter.onMap());
    }
    if (filter.text() != null) {
      String like = Where.likeContaining(filter.text());
      where.and(
          "(p.name_zh ILIKE $? OR p.name_en ILIKE $? OR p.name_mn ILIKE $?"
              + " OR p.address_zh ILIKE $? OR p.address_en ILIKE $?)",
          like,
          like,
          like,
          like,
          like);
    }
    return where;
  }

  /** The map points (on_map) of each theme board, in id order. */
  Future<Map<String, List<Point>>> mapPointsOfThemes(List<String> codes) {
    return sql.query(
            "SELECT pt.theme_code, "
                + Point.COLUMNS
                + " FROM point_theme pt"
                + " JOIN point p ON p.id = pt.point_id"
                + " WHERE p.on_map AND pt.theme_code = ANY($1) ORDER BY p.id",
            Tuple.of(codes.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, List<Point>> byTheme = new HashMap<>();
              codes.forEach(code -> byTheme.put(code, new ArrayList<>()));
              rows.forEach(row -> byTheme.get(row.getString("theme_code")).add(Point.from(row)));
              return byTheme;
            });
  }

  Future<Map<Long, List<OpeningHours>>> openingHours(List<Long> pointIds) {
    return sql.query(
            "SELECT point_id, weekday, opens, closes FROM opening_hours WHERE point_id = ANY($1)"
                + " ORDER BY weekday, opens",
            Tuple.of(pointIds.toArray(Long[]::new)))
        .map(rows -> group(rows, OpeningHours::from));
  }

  /** Exceptions of several points on one day each, keyed by (point, day). */
  Future<Map<PointDay, OpeningException>> exceptionsOn(List<PointDay> keys) {
    return sql.query(
            "SELECT e.point_id, e.day, e.closed, e.opens, e.closes, e.note_zh, e.note_mn,"
                + " e.note_en FROM opening_exception e"
                + " JOIN unnest($1::bigint[], $2::date[]) AS k(point_id, day)"
                + " ON k.point_id = e.point_id AND k.day = e.day",
            Tuple.tuple()
                .addValue(keys.stream().map(PointDay::pointId).toArray(Long[]::new))
                .addValue(keys.stream().map(PointDay::day).toArray(LocalDate[]::new)))
        .map(
            rows -> {
              Map<PointDay, OpeningException> byKey = new HashMap<>();
              rows.forEach(
                  row ->
                      byKey.put(
                          new PointDay(row.getLong("point_id"), row.getLocalDate("day")),
                          OpeningException.from(row)));
              return byKey;
            });
  }

  Future<List<OpeningException>> exceptionsBetween(long pointId, LocalDate from, LocalDate to) {
    return sql.query(
            "SELECT point_id, day, closed, opens, closes, note_zh, note_mn, note_en"
                + " FROM opening_exception WHERE point_id = $1 AND day BETWEEN $2 AND $3"
                + " ORDER BY day",
            Tuple.of(pointId, from, to))
        .map(
            rows -> {
              List<OpeningException> list = new ArrayList<>();
              rows.forEach(row -> list.add(OpeningException.from(row)));
              return list;
            });
  }

  /** The deployment each mobile point stands at now, if any. */
  Future<Map<Long, Deployment>> currentDeployments(List<Long> pointIds) {
    return sql.query(
            "SELECT DISTINCT ON (point_id) "
                + Deployment.COLUMNS
                + " FROM deployment"
                + " WHERE point_id = ANY($1) AND starts_at <= now() AND ends_at > now()"
                + " ORDER BY point_id, starts_at DESC",
            Tuple.of(pointIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, Deployment> byPoint = new HashMap<>();
              rows.forEach(row -> byPoint.put(row.getLong("point_id"), Deployment.from(row)));
              return byPoint;
            });
  }

  private static <T> Map<Long, List<T>> group(
      Iterable<Row> rows, java.util.function.Function<Row, T> map) {
    Map<Long, List<T>> grouped = new HashMap<>();
    for (Row row : rows) {
      grouped.computeIfAbsent(row.getLong("point_id"), k -> new ArrayList<>()).add(map.apply(row));
    }
    return grouped;
  }
}
