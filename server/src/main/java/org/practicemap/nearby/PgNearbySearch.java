package org.practicemap.nearby;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.common.Coordinates;
import org.practicemap.common.LocalZone;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;
import org.practicemap.points.Deployment;

/**
 * Nearby search in PostgreSQL, exact and indexed.
 *
 * <p>Each half of a query (points where they stand; mobile points at their current deployment)
 * walks a GiST index outward from the centre ({@code ORDER BY ll_to_earth(..) <-> centre}) inside
 * an {@code earth_box} slightly larger than the circle, keeps the rows whose haversine distance is
 * within the radius, and stops after one page: the cost follows the page, not the number of points
 * in the circle. The two halves are merged in distance order.
 *
 * <p>Each half's {@code LIMIT (SELECT $n)} is deliberate: with a plain {@code LIMIT $n} the
 * planner, which has no statistics for cube boxes, believes a box holds a hundred rows and prefers
 * to read all of them and sort (a second at 50 km in a dense city); a limit it cannot see makes the
 * ordered index walk the cheaper plan, as it is.
 */
final class PgNearbySearch implements NearbySearch {
  private static final String CHORD = "ll_to_earth(%1$s.lat, %1$s.lng) <-> ll_to_earth($1, $2)";

  /** Conditions on point {@code p} shared by both halves; parameters $6..$11. */
  private static final String POINT_FILTERS =
      " AND ($6::text[] IS NULL OR p.level = ANY($6))"
          + " AND ($7::text[] IS NULL OR EXISTS (SELECT 1 FROM point_theme t"
          + "      WHERE t.point_id = p.id AND t.theme_code = ANY($7)))"
          + " AND ($8::boolean IS NULL OR $8 = CASE"
          + "      WHEN EXISTS (SELECT 1 FROM opening_exception e WHERE e.point_id = p.id"
          + "           AND e.day = $9::date)"
          + "      THEN EXISTS (SELECT 1 FROM opening_exception e WHERE e.point_id = p.id"
          + "           AND e.day = $9 AND NOT e.closed AND e.opens <= $11::time AND $11 < e.closes)"
          + "      ELSE EXISTS (SELECT 1 FROM opening_hours h WHERE h.point_id = p.id"
          + "           AND h.weekday = $10::int AND h.opens <= $11 AND $11 < h.closes) END)";

  /** Points where they stand; a mobile point deployed now is found at its deployment instead. */
  private static final String STANDING =
      " FROM point p"
          + " WHERE earth_box(ll_to_earth($1, $2), $4) @> ll_to_earth(p.lat, p.lng)"
          + " AND great_circle_m($1, $2, p.lat, p.lng) <= $3"
          + " AND NOT (p.level = 'MOBILE_POINT' AND EXISTS (SELECT 1 FROM deployment d"
          + "      WHERE d.point_id = p.id AND d.starts_at <= $5 AND d.ends_at > $5))"
          + POINT_FILTERS;

  /** Mobile points at the deployment they stand at now (the latest begun, if two overlap). */
  private static final String DEPLOYED =
      " FROM deployment d JOIN point p ON p.id = d.point_id"
          + " WHERE earth_box(ll_to_earth($1, $2), $4) @> ll_to_earth(d.lat, d.lng)"
          + " AND tstzrange(d.starts_at, d.ends_at) @> $5::timestamptz"
          + " AND great_circle_m($1, $2, d.lat, d.lng) <= $3"
          + " AND p.level = 'MOBILE_POINT'"
          + " AND NOT EXISTS (SELECT 1 FROM deployment n WHERE n.point_id = d.point_id"
          + "      AND n.starts_at <= $5 AND n.ends_at > $5"
          + "      AND (n.starts_at, n.id) > (d.starts_at, d.id))"
          + POINT_FILTERS;

  static final String POINTS_SQL =
      "SELECT * FROM ("
          + " (SELECT p.id, p.lat, p.lng, NULL::bigint AS deployment_id,"
          + "   NULL::text AS address_zh, NULL::text AS address_mn, NULL::text AS address_en,"
          + "   NULL::timestamptz AS starts_at, NULL::timestamptz AS ends_at,"
          + "   great_circle_m($1, $2, p.lat, p.lng) AS distance, "
          + CHORD.formatted("p")
          + " AS chord"
          + STANDING
          + " AND ("
          + CHORD.formatted("p")
          + ", p.id) > ($12, $13)"
          + " ORDER BY chord, p.id LIMIT (SELECT $14::int))"
          + " UNION ALL"
          + " (SELECT p.id, d.lat, d.lng, d.id, d.address_zh, d.address_mn, d.address_en,"
          + "   d.starts_at, d.ends_at, great_circle_m($1, $2, d.lat, d.lng), "
          + CHORD.formatted("d")
          + DEPLOYED
          + " AND ("
          + CHORD.formatted("d")
          + ", p.id) > ($12, $13)"
          + " ORDER BY 11, 1 LIMIT (SELECT $14::int))"
          + ") hits ORDER BY chord, id LIMIT $14";

  static final String COUNT_POINTS_SQL =
      "SELECT (SELECT count(*)" + STANDING + ") + (SELECT count(*)" + DEPLOYED + ")";

  /** Conditions on activity {@code a}; parameters $5..$9. */
  private static final String ACTIVITY_FILTERS =
      " AND a.ends_at > $5 AND a.starts_at < $6 AND a.cancelled_at IS NULL"
          + " AND ($7::text[] IS NULL OR a.theme_code = ANY($7))"
          + " AND ($8::text[] IS NULL OR a.category = ANY($8))"
          + " AND ($9::boolean IS NULL"
          + "      OR $9 = (a.capacity IS NOT NULL AND a.seats_taken < a.capacity))";

  /**
   * Points in the circle, each with its own activities: the point walk drives, and {@code OFFSET 0}
   * keeps the planner from turning it around into a scan of every upcoming activity (which it
   * prefers when many activities are upcoming, and which would not scale).
   */
  private static final String AT_POINTS =
      " FROM (SELECT p.id, p.lat, p.lng, "
          + CHORD.formatted("p")
          + " AS chord FROM point p"
          + "   WHERE earth_box(ll_to_earth($1, $2), $4) @> ll_to_earth(p.lat, p.lng)"
          + "   AND great_circle_m($1, $2, p.lat, p.lng) <= $3) AS x"
          + " CROSS JOIN LATERAL (SELECT a.id, a.starts_at FROM activity a"
          + "   WHERE a.point_id = x.id AND a.deployment_id IS NULL"
          + ACTIVITY_FILTERS
          + "   OFFSET 0) AS a";

  /** Activities held at a mobile deployment, where that deployment stands. */
  private static final String AT_DEPLOYMENTS =
      " FROM (SELECT d.id, d.lat, d.lng, "
          + CHORD.formatted("d")
          + " AS chord FROM deployment d"
          + "   WHERE earth_box(ll_to_earth($1, $2), $4) @> ll_to_earth(d.lat, d.lng)"
          + "   AND tstzrange(d.starts_at, d.ends_at) && tstzrange($5, $6)"
          + "   AND great_circle_m($1, $2, d.lat, d.lng) <= $3) AS x"
          + " CROSS JOIN LATERAL (SELECT a.id, a.starts_at FROM activity a"
          + "   WHERE a.deployment_id = x.id"
          + ACTIVITY_FILTERS
          + "   OFFSET 0) AS a";

  static final String ACTIVITIES_SQL =
      "SELECT * FROM ("
          + " (SELECT a.id, x.lat, x.lng, a.starts_at,"
          + "   great_circle_m($1, $2, x.lat, x.lng) AS distance, x.chord"
          + AT_POINTS
          + " WHERE (x.chord, a.starts_at, a.id) > ($10, $11, $12)"
          + " ORDER BY x.chord, a.starts_at, a.id LIMIT (SELECT $13::int))"
          + " UNION ALL"
          + " (SELECT a.id, x.lat, x.lng, a.starts_at,"
          + "   great_circle_m($1, $2, x.lat, x.lng), x.chord"
          + AT_DEPLOYMENTS
          + " WHERE (x.chord, a.starts_at, a.id) > ($10, $11, $12)"
          + " ORDER BY x.chord, a.starts_at, a.id LIMIT (SELECT $13::int))"
          + ") hits ORDER BY chord, starts_at, id LIMIT $13";

  static final String COUNT_ACTIVITIES_SQL =
      "SELECT (SELECT count(*)" + AT_POINTS + ") + (SELECT count(*)" + AT_DEPLOYMENTS + ")";

  private final Sql sql;

  PgNearbySearch(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Future<List<PointHit>> points(PointQuery query, PointHit.Key after, int limit) {
    Tuple args = pointArgs(query).addValue(after.order()).addValue(after.pointId()).addValue(limit);
    return sql.query(POINTS_SQL, args).map(PgNearbySearch::pointHits);
  }

  @Override
  public Future<Integer> countPoints(PointQuery query) {
    return sql.query(COUNT_POINTS_SQL, pointArgs(query)).map(PgNearbySearch::count);
  }

  @Override
  public Future<List<ActivityHit>> activities(
      ActivityQuery query, ActivityHit.Key after, int limit) {
    Tuple args =
        activityArgs(query)
            .addValue(after.order())
            .addValue(after.startsAt())
            .addValue(after.activityId())
            .addValue(limit);
    return sql.query(ACTIVITIES_SQL, args).map(PgNearbySearch::activityHits);
  }

  @Override
  public Future<Integer> countActivities(ActivityQuery query) {
    return sql.query(COUNT_ACTIVITIES_SQL, activityArgs(query)).map(PgNearbySearch::count);
  }

  /** $1..$11 of the points statements. */
  static Tuple pointArgs(PointQuery q) {
    LocalDateTime local = q.now().atZone(LocalZone.ID).toLocalDateTime();
    return circleArgs(q.circle())
        .addValue(q.now().atOffset(ZoneOffset.UTC))
        .addValue(array(q.levels()))
        .addValue(array(q.themeCodes()))
        .addValue(q.openNow())
        .addValue(local.toLocalDate())
        .addValue(local.getDayOfWeek().getValue())
        .addValue(local.toLocalTime());
  }

  /** $1..$9 of the activities statements. */
  static Tuple activityArgs(ActivityQuery q) {
    return circleArgs(q.circle())
        .addValue(q.from())
        .addValue(q.to())
        .addValue(array(q.themeCodes()))
        .addValue(array(q.categories()))
        .addValue(q.hasSeats());
  }

  private static Tuple circleArgs(Circle c) {
    return Tuple.of(c.lat(), c.lng(), c.radiusMeters(), c.boxRadius());
  }

  private static String[] array(List<String> values) {
    return values == null ? null : values.toArray(String[]::new);
  }

  private static List<PointHit> pointHits(RowSet<Row> rows) {
    List<PointHit> hits = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Coordinates at = new Coordinates(row.getDouble("lat"), row.getDouble("lng"));
      hits.add(
          new PointHit(
              row.getLong("id"),
              at,
              deployment(row, at),
              row.getDouble("distance"),
              row.getDouble("chord")));
    }
    return hits;
  }

  private static Deployment deployment(Row row, Coordinates at) {
    Long id = row.getLong("deployment_id");
    if (id == null) {
      return null;
    }
    return new Deployment(
        id,
        row.getLong("id"),
        at.lat(),
        at.lng(),
        LocalizedText.from(row, "address"),
        LocalZone.offsetTime(row.getOffsetDateTime("starts_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("ends_at")));
  }

  private static List<ActivityHit> activityHits(RowSet<Row> rows) {
    List<ActivityHit> hits = new ArrayList<>(rows.size());
    for (Row row : rows) {
      hits.add(
          new ActivityHit(
              row.getLong("id"),
              new Coordinates(row.getDouble("lat"), row.getDouble("lng")),
              row.getDouble("distance"),
              row.getDouble("chord"),
              row.getOffsetDateTime("starts_at")));
    }
    return hits;
  }

  private static int count(RowSet<Row> rows) {
    return rows.iterator().next().getLong(0).intValue();
  }
}
