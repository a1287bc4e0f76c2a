package org.practicemap.nearby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.Coordinates;
import org.practicemap.common.GreatCircle;
import org.practicemap.db.Sql;
import org.practicemap.testing.Places;
import org.practicemap.testing.QueryPlans;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * 100,000 random points (half spread over China, half clustered around ten cities, one in twenty a
 * mobile point, half of those deployed elsewhere now) plus points half a metre inside and outside
 * circles at the equator, in Horqin, in the Arctic and across the antimeridian: the nearby search
 * must return exactly what a brute-force haversine scan finds, with the same distances, and
 * PostgreSQL must serve it without a sequential scan over points.
 */
class NearbyAtScaleTest {
  static final int POINTS = 100_000;
  static final double[][] CITIES = {
    {43.62, 122.26}, {39.90, 116.40}, {31.23, 121.47}, {23.13, 113.26}, {30.57, 104.07},
    {34.27, 108.95}, {45.80, 126.53}, {40.84, 111.75}, {36.06, 103.83}, {29.56, 106.55}
  };

  /** Circles whose edges get points 0.5 m inside and outside: {lat, lng, radius}. */
  static final double[][] EDGES = {
    {0, 0, 5_000}, {43.62, 122.26, 3_000}, {70, 20, 50_000}, {10, 179.99, 20_000}
  };

  static TestServer server;
  static Sql sql;
  static PgNearbySearch search;

  /** Where each point is found now: its current deployment, or its own position. */
  static Map<Long, Coordinates> standing = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.empty();
    sql = server.server().app().sql();
    search = new PgNearbySearch(sql);
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1);
      // The search index is not under test here, and its triggers would make loading a hundred
      // thousand rows take minutes; replica mode skips them for this session only.
      data.update("SET session_replication_role = replica");
      data.update(
          "INSERT INTO point (id, parent_id, path, level, name_zh, lat, lng)"
              + " VALUES (1, NULL, '1', 'CENTER', '中心', 43.62, 122.26)");
      data.queryString("SELECT setseed(0.4)::text");
      data.update(
          "INSERT INTO point (id, parent_id, path, level, name_zh, lat, lng)"
              + " SELECT i, 1, ('1.' || i)::ltree,"
              + "  CASE WHEN i % 20 = 0 THEN 'MOBILE_POINT' WHEN i % 3 = 0 THEN 'VENUE'"
              + "       ELSE 'STATION' END, '点' || i,"
              + "  CASE WHEN i % 2 = 0 THEN 18 + random() * 35"
              + "       ELSE least(89.9, greatest(-89.9, c.lat + (random() + random() - 1) * 0.5)) END,"
              + "  CASE WHEN i % 2 = 0 THEN 73 + random() * 62"
              + "       ELSE c.lng + (random() + random() - 1) * 0.6 END"
              + " FROM generate_series(2, ?) AS i,"
              + " LATERAL (SELECT (?::float8[])[1 + (i / 2) % 10] AS lat, (?::float8[])[1 + (i / 2) % 10] AS lng) c",
          POINTS, column(0), column(1));
      data.update(
          "INSERT INTO deployment (point_id, lat, lng, starts_at, ends_at)"
              + " SELECT id, lat + (random() - 0.5) * 0.3, lng + (random() - 0.5) * 0.3,"
              + "        now() - interval '1 hour', now() + interval '3 hours'"
              + " FROM point WHERE level = 'MOBILE_POINT' AND id % 40 = 0");
      data.update(
          "INSERT INTO deployment (point_id, lat, lng, starts_at, ends_at)"
              + " SELECT id, lat + 0.01, lng + 0.01, now() - interval '2 days', now() - interval '1 day'"
              + " FROM point WHERE level = 'MOBILE_POINT'");
      data.update(
          "INSERT INTO activity (point_id, theme_code, category, title_zh, starts_at, ends_at)"
              + " SELECT 1 + (random() * (? - 1))::int, 'A_THEME', 'CLASS', '活动', t, t + interval '2 hours'"
              + " FROM (SELECT now() + random() * interval '30 days' AS t"
              + "       FROM generate_series(1, 50000)) AS s",
          POINTS);
      long id = POINTS + 1;
      for (double[] edge : EDGES) {
        for (int bearing = 0; bearing < 360; bearing += 10) {
          for (double delta : new double[] {-0.5, 0.5}) {
            double[] at = Places.destination(edge[0], edge[1], bearing, edge[2] + delta);
            data.update(
                "INSERT INTO point (id, parent_id, path, level, name_zh, lat, lng)"
                    + " VALUES (?, 1, ('1.' || ?)::ltree, 'STATION', '边', ?, ?)",
                id,
                id,
                at[0],
                at[1]);
            id++;
          }
        }
      }
      data.update("RESET session_replication_role");
      data.update("ANALYZE point");
      data.update("ANALYZE deployment");
    }
    try (Connection c = TestPostgres.jdbc(server.databaseUrl());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT p.id, coalesce(d.lat, p.lat), coalesce(d.lng, p.lng) FROM point p"
                        + " LEFT JOIN deployment d ON d.point_id = p.id"
                        + " AND d.starts_at <= now() AND d.ends_at > now()")) {
      while (rs.next()) {
        standing.put(rs.getLong(1), new Coordinates(rs.getDouble(2), rs.getDouble(3)));
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Double[] column(int i) {
    Double[] values = new Double[CITIES.length];
    for (int c = 0; c < CITIES.length; c++) {
      values[c] = CITIES[c][i];
    }
    return values;
  }

  private static PointQuery query(double lat, double lng, double radius) {
    return new PointQuery(
        new Circle(new Coordinates(lat, lng), radius), null, null, null, Instant.now());
  }

  /** Ids within the radius by brute force, nearest first (ties by id). */
  private static List<Long> bruteForce(double lat, double lng, double radius) {
    List<long[]> inside = new ArrayList<>();
    List<Double> distances = new ArrayList<>();
    standing.forEach(
        (id, at) -> {
          double d = GreatCircle.meters(lat, lng, at.lat(), at.lng());
          if (d <= radius) {
            inside.add(new long[] {id});
            distances.add(d);
          }
        });
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < inside.size(); i++) {
      order.add(i);
    }
    order.sort(
        (a, b) ->
            distances.get(a).equals(distances.get(b))
                ? Long.compare(inside.get(a)[0], inside.get(b)[0])
                : Double.compare(distances.get(a), distances.get(b)));
    return order.stream().map(i -> inside.get(i)[0]).toList();
  }

  private static void assertSameAsBruteForce(double lat, double lng, double radius) {
    List<PointHit> hits =
        search.points(query(lat, lng, radius), PointHit.Key.START, 1_000_000).await();
    List<Long> expected = bruteForce(lat, lng, radius);
    String where = lat + "," + lng + " r=" + radius;
    assertEquals(
        new TreeSet<>(expected),
        new TreeSet<>(hits.stream().map(PointHit::pointId).toList()),
        where);
    double previous = -1;
    for (PointHit hit : hits) {
      Coordinates at = standing.get(hit.pointId());
      double exact = GreatCircle.meters(lat, lng, at.lat(), at.lng());
      assertEquals(exact, hit.distanceMeters(), 1e-6 * Math.max(1, exact), where);
      assertTrue(hit.distanceMeters() >= previous - 1e-6, "nearest first at " + where);
      previous = hit.distanceMeters();
    }
    assertEquals(expected.size(), search.countPoints(query(lat, lng, radius)).await(), where);
  }

  @Test
  void everyPointInsideTheRadiusAndNoOtherAroundTheCities() {
    for (double[] city : CITIES) {
      for (double radius : new double[] {500, 5_000, 20_000}) {
        assertSameAsBruteForce(city[0], city[1], radius);
      }
    }
    assertSameAsBruteForce(CITIES[0][0], CITIES[0][1], 50_000);
    assertSameAsBruteForce(CITIES[1][0] + 0.1, CITIES[1][1] - 0.2, 50_000);
  }

  @Test
  void everyPointInsideTheRadiusAtRandomPlaces() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20; i++) {
      assertSameAsBruteForce(
          18 + random.nextDouble() * 35,
          73 + random.nextDouble() * 62,
          1_000 + random.nextDouble() * 49_000);
    }
  }

  @Test
  void pointsHalfAMetreInsideTheCircleAreFoundAndHalfAMetreOutsideAreNot() {
    for (double[] edge : EDGES) {
      List<PointHit> hits =
          search.points(query(edge[0], edge[1], edge[2]), PointHit.Key.START, 100_000).await();
      long edgePoints =
          hits.stream()
              .filter(h -> h.pointId() > POINTS && Math.abs(h.distanceMeters() - edge[2]) < 1)
              .count();
      assertEquals(36, edgePoints, "at " + edge[0] + "," + edge[1]);
      assertTrue(hits.stream().allMatch(h -> h.distanceMeters() <= edge[2]));
      assertSameAsBruteForce(edge[0], edge[1], edge[2]);
    }
  }

  @Test
  void pagesOfAHundredWalkTheSameOrderAsOneBigPage() {
    PointQuery query = query(CITIES[2][0], CITIES[2][1], 20_000);
    List<Long> all =
        search.points(query, PointHit.Key.START, 1_000_000).await().stream()
            .map(PointHit::pointId)
            .toList();
    assertTrue(all.size() > 1000, "a dense circle: " + all.size());
    List<Long> paged = new ArrayList<>();
    PointHit.Key after = PointHit.Key.START;
    while (true) {
      List<PointHit> page = search.points(query, after, 100).await();
      page.forEach(h -> paged.add(h.pointId()));
      if (page.size() < 100) {
        break;
      }
      PointHit last = page.get(page.size() - 1);
      after = new PointHit.Key(last.order(), last.pointId());
    }
    assertEquals(all, paged);
  }

  @Test
  void theGraphQlFieldAgreesWithBruteForce() {
    double[] city = CITIES[0];
    JsonObject result =
        server
            .data(
                "{ nearbyPoints(at: {lat: "
                    + city[0]
                    + ", lng: "
                    + city[1]
                    + "}, radiusMeters: 2000,"
                    + " first: 100) { totalCount edges { distanceMeters node { id } } } }")
            .getJsonObject("nearbyPoints");
    List<Long> expected = bruteForce(city[0], city[1], 2000);
    assertEquals(expected.size(), result.getInteger("totalCount"));
    JsonArray edges = result.getJsonArray("edges");
    assertEquals(Math.min(100, expected.size()), edges.size());
    for (int i = 0; i < edges.size(); i++) {
      assertEquals(
          org.practicemap.testing.Ids.point(expected.get(i)),
          edges.getJsonObject(i).getJsonObject("node").getString("id"));
    }
  }

  @Test
  void noSequentialScanOverPointsAtAHundredThousand() {
    double[] city = CITIES[0];
    for (double radius : new double[] {1_000, 50_000}) {
      PointQuery points = query(city[0], city[1], radius);
      PointQuery filtered =
          new PointQuery(
              points.circle(), List.of("VENUE"), List.of("A_THEME"), true, Instant.now());
      assertNoSeqScanOnPoint(
          PgNearbySearch.POINTS_SQL,
          PgNearbySearch.pointArgs(points).addValue(-1.0).addValue(0L).addValue(21));
      assertNoSeqScanOnPoint(
          PgNearbySearch.POINTS_SQL,
          PgNearbySearch.pointArgs(filtered).addValue(-1.0).addValue(0L).addValue(21));
      assertNoSeqScanOnPoint(PgNearbySearch.COUNT_POINTS_SQL, PgNearbySearch.pointArgs(points));
      ActivityQuery activities =
          new ActivityQuery(
              points.circle(),
              java.time.OffsetDateTime.now(),
              java.time.OffsetDateTime.now().plusDays(7),
              null,
              null,
              null);
      assertNoSeqScanOnPoint(
          PgNearbySearch.ACTIVITIES_SQL,
          PgNearbySearch.activityArgs(activities)
              .addValue(-1.0)
              .addValue(java.time.OffsetDateTime.now().minusYears(100))
              .addValue(0L)
              .addValue(21),
          true);
    }
  }

  private static void assertNoSeqScanOnPoint(String statement, Tuple args) {
    assertNoSeqScanOnPoint(statement, args, false);
  }

  /**
   * The plan reads points through their earth index; with {@code activitiesToo}, activities are
   * reached from the points (their per-point index), never by scanning all upcoming ones.
   */
  private static void assertNoSeqScanOnPoint(String statement, Tuple args, boolean activitiesToo) {
    List<String> scans = QueryPlans.nodes(sql, statement, args);
    String all = String.join("\n", scans);
    assertFalse(scans.contains("Seq Scan on point"), all);
    assertTrue(scans.stream().anyMatch(s -> s.contains("point_earth_gist")), all);
    if (activitiesToo) {
      assertFalse(scans.contains("Seq Scan on activity"), all);
      assertTrue(scans.stream().anyMatch(s -> s.contains("activity_point_ends_idx")), all);
    }
  }
}
