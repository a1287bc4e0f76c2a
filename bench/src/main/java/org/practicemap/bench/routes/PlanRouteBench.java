package org.practicemap.bench.routes;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.Config;
import org.practicemap.Server;
import org.practicemap.bench.Stats;
import org.practicemap.common.Coordinates;
import org.practicemap.routes.PlannerProbe;

/**
 * planRoute over the Horqin demo's 37 map points: the planner alone (CPU time of one plan, after
 * warm-up) and the whole GraphQL request (four statements, the plan on a worker thread, JSON).
 * Starts its own server over an embedded PostgreSQL with the demo data in a temporary directory, or
 * uses DATABASE_URL when set.
 *
 * <pre>
 *   java -cp bench/target/practice-map-bench.jar org.practicemap.bench.routes.PlanRouteBench [plans]
 * </pre>
 */
public final class PlanRouteBench {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Coordinates CENTRE = new Coordinates(43.6172, 122.2637);

  public static void main(String[] args) throws Exception {
    int plans = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PORT", "0");
    env.putIfAbsent("EMBEDDED_PG_PORT", "0");
    // One client sends more than a minute's allowance of requests: the per-address limit would
    // answer RATE_LIMITED part-way through the HTTP rounds.
    env.putIfAbsent("RATE_LIMIT_PER_IP_MINUTE", "0");
    if (!env.containsKey("DATABASE_URL")) {
      env.put("DATA_DIR", Files.createTempDirectory("pm-bench-").toString());
    }
    try (Server server = Server.start(Config.fromEnv(env))) {
      OffsetDateTime tuesday =
          LocalDate.now(ZONE)
              .plusDays(1)
              .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
              .atTime(LocalTime.of(9, 0))
              .atZone(ZONE)
              .toOffsetDateTime();
      System.out.println("planner alone, all map points within reach (WALK, stay 30 min):");
      for (int[] budget : List.of(new int[] {240, 5}, new int[] {480, 5}, new int[] {480, 10})) {
        solverOnly(server, tuesday, budget[0], budget[1], plans);
      }
      if (args.length > 1 && args[1].equals("planner")) {
        return;
      }
      System.out.println("whole planRoute request over HTTP, one client, sequential:");
      for (int[] budget : List.of(new int[] {240, 5}, new int[] {480, 10})) {
        overHttp(server, tuesday, budget[0], budget[1], plans / 4);
      }
    }
  }

  private static void solverOnly(
      Server server, OffsetDateTime start, int minutes, int maxStops, int plans) throws Exception {
    PlannerProbe probe = PlannerProbe.read(server.app().sql(), CENTRE, start, minutes, maxStops);
    for (int i = 0; i < Math.max(200, plans / 5); i++) {
      probe.plan();
    }
    Stats stats = new Stats();
    int stops = 0;
    for (int i = 0; i < plans; i++) {
      long t0 = System.nanoTime();
      stops = probe.plan();
      stats.record(System.nanoTime() - t0);
    }
    System.out.printf(
        "  maxMinutes=%d maxStops=%d candidates=%d stops=%d  %s%n",
        minutes, maxStops, probe.candidates(), stops, stats.summary());
  }

  private static void overHttp(
      Server server, OffsetDateTime start, int minutes, int maxStops, int requests)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String query =
        "query($t: DateTime!) { planRoute(input: {start: {lat: 43.6172, lng: 122.2637},"
            + " startAt: $t, maxMinutes: "
            + minutes
            + ", maxStops: "
            + maxStops
            + "}) { candidates totalMinutes stops { arriveAt point { name } } } }";
    String body =
        new JsonObject()
            .put("query", query)
            .put("variables", new JsonObject().put("t", start.toString()))
            .encode();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int i = 0; i < 100; i++) {
      http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    Stats stats = new Stats();
    String last = "";
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      stats.record(System.nanoTime() - t0);
      last = response.body();
    }
    JsonObject answer = new JsonObject(last);
    if (answer.getJsonArray("errors") != null) {
      throw new IllegalStateException("planRoute answered with errors: " + last);
    }
    JsonObject plan = answer.getJsonObject("data").getJsonObject("planRoute");
    System.out.printf(
        "  maxMinutes=%d maxStops=%d candidates=%d stops=%d  %s%n",
        minutes,
        maxStops,
        plan.getInteger("candidates"),
        plan.getJsonArray("stops").size(),
        stats.summary());
  }

  private PlanRouteBench() {}
}
