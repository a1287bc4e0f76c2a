package org.practicemap.bench.reports;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.practicemap.Config;
import org.practicemap.Server;
import org.practicemap.bench.Stats;

/**
 * {@code stats} over a generated network of 10,000 points and 1,000,000 activities (the last 365
 * days and the next 30), on a scratch embedded database. Generation is SQL only (generate_series):
 * the activities are written with triggers off and their fact rows filled the way the migration
 * backfills an existing database, with booking and attendance counts drawn at random (the read side
 * does not depend on how the counts came). Then it times a few queries over HTTP, one client,
 * sequential, and what the booking trigger adds to writing bookings.
 *
 * <pre>
 *   java -cp bench/target/practice-map-bench.jar org.practicemap.bench.reports.StatsBench [activities] [runs]
 * </pre>
 */
public final class StatsBench {
  private static final int INSTITUTES = 100;
  private static final int STATIONS_PER_INSTITUTE = 99;

  public static void main(String[] args) throws Exception {
    int activities = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PORT", "0");
    env.put("EMBEDDED_PG_PORT", "0");
    env.put("DEMO_DATA", "false");
    env.put("RATE_LIMIT_PER_IP_MINUTE", "0");
    env.put("DATA_DIR", Files.createTempDirectory("pm-stats-bench-").toString());
    try (Server server = Server.start(Config.fromEnv(env));
        Connection c = DriverManager.getConnection(server.database().jdbcUrl(), "postgres", "")) {
      generate(c, activities);
      queries(server, runs);
      bookingTriggerCost(c);
    }
  }

  private static void generate(Connection c, int activities) throws Exception {
    try (Statement st = c.createStatement()) {
      long t0 = System.nanoTime();
      st.execute("SET session_replication_role = replica");
      st.execute("SELECT setseed(0.8)");
      st.execute(
          "INSERT INTO theme (code, sort_order, name_zh, name_en, color, icon)"
              + " SELECT 'THEME_' || chr(64 + g), g, '主题' || g, 'Theme ' || g,"
              + " '#' || lpad(to_hex(g * 1900000), 6, '0'), 'flag' FROM generate_series(1, 8) g");
      st.execute(
          "INSERT INTO point (id, parent_id, path, level, name_zh, lat, lng)"
              + " VALUES (1, NULL, '1', 'CENTER', '中心', 43.6, 122.2)");
      st.execute(
          "INSERT INTO point (id, parent_id, path, level, name_zh, lat, lng)"
              + " SELECT 1 + i, 1, ('1.' || (1 + i))::ltree, 'INSTITUTE', '所' || i, 43.6, 122.2"
              + " FROM generate_series(1, "
              + INSTITUTES
              + ") i");
      st.execute(
          "INSERT INTO point (id, parent_id, path, level, name_zh, lat, lng)"
              + " SELECT id, parent, ('1.' || parent || '.' || id)::ltree, 'STATION', '站' || id,"
              + " 43.6, 122.2 FROM (SELECT 1000 + i * 1000 + s AS id, 1 + i AS parent"
              + " FROM generate_series(1, "
              + INSTITUTES
              + ") i, generate_series(1, "
              + STATIONS_PER_INSTITUTE
              + ") s) x");
      st.execute("SELECT setval(pg_get_serial_sequence('point', 'id'), 1000000)");
      st.execute(
          "CREATE TEMP TABLE bench_point AS SELECT row_number() OVER (ORDER BY id) AS n, id"
              + " FROM point WHERE id > 1");
      st.execute(
          "INSERT INTO activity (point_id, theme_code, category, festival, department, title_zh,"
              + " starts_at, ends_at, capacity, cancelled_at)"
              + " SELECT p.id, CASE WHEN r1 < 0.9 THEN 'THEME_' || chr(65 + (r1 * 100)::int % 8) END,"
              + " (ARRAY['CLASS','LECTURE','FESTIVAL','MARKET','FREE_CLINIC','VOLUNTEER_SERVICE',"
              + "   'SPORTS','PERFORMANCE','EXHIBITION','READING','OTHER'])[1 + (r2 * 11)::int % 11],"
              + " CASE WHEN r2 < 0.4 THEN (ARRAY['SPRING_FESTIVAL','LANTERN_FESTIVAL','QINGMING',"
              + "   'DRAGON_BOAT','QIXI','MID_AUTUMN','DOUBLE_NINTH','LABA'])[1 + (r3 * 8)::int % 8] END,"
              + " CASE WHEN r3 < 0.7 THEN (ARRAY['CULTURE_TOURISM','HEALTH','EDUCATION','SPORTS',"
              + "   'CIVIL_AFFAIRS','JUSTICE','VETERANS_DEFENCE','ECOLOGY','AGRICULTURE','SCIENCE',"
              + "   'WOMEN_FEDERATION','YOUTH_LEAGUE'])[1 + (r1 * 1000)::int % 12] END,"
              + " '活动' || g, t, t + interval '2 hours', CASE WHEN r4 < 0.7 THEN 30 END,"
              + " CASE WHEN r4 > 0.98 THEN t - interval '1 day' END"
              + " FROM (SELECT g, random() r1, random() r2, random() r3, random() r4,"
              + "   now() - interval '365 days' + random() * interval '395 days' AS t,"
              + "   1 + (random() * "
              + (INSTITUTES * (STATIONS_PER_INSTITUTE + 1) - 1)
              + ")::int AS n FROM generate_series(1, "
              + activities
              + ") g) a JOIN bench_point p ON p.n = a.n");
      st.execute(
          "INSERT INTO stats_activity (activity_id, point_id, day, ends_at, theme_code, category,"
              + " festival, department, capacity, cancelled, bookings, seats, checked_in, no_show,"
              + " walk_ins)"
              + " SELECT id, point_id, stats_local_day(starts_at), ends_at, theme_code, category,"
              + " festival, department, capacity, cancelled_at IS NOT NULL, b, b + b / 3,"
              + " CASE WHEN ends_at <= now() THEN (b + b / 3) * 4 / 5 ELSE 0 END,"
              + " CASE WHEN ends_at <= now() THEN (b + b / 3) - (b + b / 3) * 4 / 5 ELSE 0 END,"
              + " CASE WHEN capacity IS NULL AND ends_at <= now() THEN 20 + (random() * 180)::int"
              + "  ELSE 0 END"
              + " FROM (SELECT a.*, CASE WHEN capacity IS NULL THEN 0"
              + "  ELSE (random() * 22)::int END AS b FROM activity a) x");
      st.execute("SET session_replication_role = origin");
      long t1 = System.nanoTime();
      st.execute("ANALYZE");
      var rs = st.executeQuery("SELECT stats_settle()");
      rs.next();
      int days = rs.getInt(1);
      long t2 = System.nanoTime();
      rs = st.executeQuery("SELECT count(*) FROM stats_day");
      rs.next();
      long subtreeRows = rs.getLong(1);
      rs = st.executeQuery("SELECT count(*) FROM stats_point_month");
      rs.next();
      long pointRows = rs.getLong(1);
      // What autovacuum does within a minute of the inserts: index-only scans need it.
      st.execute("VACUUM ANALYZE stats_day, stats_point_month, stats_activity");
      System.out.printf(
          "generated %d activities at %d points in %.1f s; settled %d days in %.1f s"
              + " (%d subtree rollup rows, %d point rollup rows)%n",
          activities,
          INSTITUTES * (STATIONS_PER_INSTITUTE + 1) + 1,
          (t1 - t0) / 1e9,
          days,
          (t2 - t1) / 1e9,
          subtreeRows,
          pointRows);
    }
  }

  private static void queries(Server server, int runs) throws Exception {
    String institute = id("Point", 2);
    String station = id("Point", 1000 + 1000 + 1);
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put(
        "network, year to date, totals",
        "stats { activitiesHeld peopleServed bookings noShowRate fillRate }");
    queries.put(
        "network, year to date, THEME MONTH CATEGORY FESTIVAL DEPARTMENT",
        "stats(groupBy: [THEME, MONTH, CATEGORY, FESTIVAL, DEPARTMENT]) { activitiesHeld groups { by key label activitiesHeld peopleServed bookings noShowRate fillRate } }");
    queries.put(
        "network, year to date, POINT (top 10) LEVEL",
        "stats(groupBy: [POINT, LEVEL], maxGroups: 10) { activitiesHeld groups { by key label activitiesHeld } }");
    queries.put(
        "institute, year to date, THEME MONTH POINT",
        "stats(scope: \""
            + institute
            + "\", groupBy: [THEME, MONTH, POINT]) { activitiesHeld groups { key activitiesHeld peopleServed } }");
    queries.put(
        "station, year to date, totals",
        "stats(scope: \"" + station + "\") { activitiesHeld peopleServed bookings }");
    queries.put(
        "network, last 60 days + 30 ahead (unsettled days), THEME",
        "stats(from: \""
            + java.time.LocalDate.now().minusDays(60)
            + "\", to: \""
            + java.time.LocalDate.now().plusDays(30)
            + "\", groupBy: [THEME]) { activitiesHeld bookings groups { key activitiesHeld } }");
    HttpClient http = HttpClient.newHttpClient();
    for (var q : queries.entrySet()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/graphql"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      new JsonObject().put("query", "{ " + q.getValue() + " }").encode()))
              .build();
      String body = "";
      for (int i = 0; i < 10; i++) {
        body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      }
      if (body.contains("\"errors\"")) {
        throw new IllegalStateException(q.getKey() + ": " + body);
      }
      Stats stats = new Stats();
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        http.send(request, HttpResponse.BodyHandlers.ofString());
        stats.record(System.nanoTime() - t);
      }
      int held =
          new JsonObject(body)
              .getJsonObject("data")
              .getJsonObject("stats")
              .getInteger("activitiesHeld");
      System.out.printf("  %-62s held=%-7d %s%n", q.getKey(), held, stats.summary());
    }
  }

  /** 20,000 bookings in one statement, with the stats trigger and without it. */
  private static void bookingTriggerCost(Connection c) throws Exception {
    String insert =
        "INSERT INTO booking (code, activity_id, status, party_size, name, phone)"
            + " SELECT 'B%s' || g, t.id, 'CONFIRMED', 1, 'x', '%s' || g"
            + " FROM generate_series(1, 20000) g JOIN bench_target t ON t.n = 1 + g %% 5000";
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE bench_target AS SELECT row_number() OVER () AS n, id FROM activity"
              + " WHERE capacity IS NOT NULL AND starts_at > now() LIMIT 5000");
      for (String round : new String[] {"with", "without"}) {
        if (round.equals("without")) {
          st.execute("ALTER TABLE booking DISABLE TRIGGER booking_stats");
        }
        long t = System.nanoTime();
        st.execute(insert.formatted(round, round.equals("with") ? "1380000" : "1390000"));
        System.out.printf(
            "  20,000 bookings in one statement, %s the stats trigger: %.0f ms%n",
            round, (System.nanoTime() - t) / 1e6);
      }
      st.execute("ALTER TABLE booking ENABLE TRIGGER booking_stats");
    }
  }

  private static String id(String type, long key) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((type + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private StatsBench() {}
}
