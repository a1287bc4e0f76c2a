package org.practicemap.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicemap.Config;
import org.practicemap.Server;
import org.practicemap.graphql.GlobalId;

/**
 * Booking throughput over HTTP against an in-process server on an embedded PostgreSQL: a rush on
 * one activity (every booking waits for the same row lock) and bookings spread over many.
 *
 * <pre>
 * java -cp bench/target/practice-map-bench.jar org.practicemap.bench.BookingBench [bookings] [concurrency]
 * </pre>
 */
public final class BookingBench {
  private static final String BOOK =
      "mutation($input: BookActivityInput!) { bookActivity(input: $input) {"
          + " booking { code status } activity { seatsLeft } } }";

  public static void main(String[] args) throws Exception {
    int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    Path dir = Files.createTempDirectory("pm-bench-");
    Config config =
        Config.fromEnv(
            Map.of(
                "PORT", "0",
                "DATA_DIR", dir.toString(),
                "EMBEDDED_PG_PORT", "0",
                "DEMO_DATA", "false",
                "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
                "BOOKING_LIMIT_PER_IP_HOUR", "0",
                "RATE_LIMIT_PER_IP_MINUTE", "0"));
    try (Server server = Server.start(config)) {
      List<Long> activities = activities(server, 201);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String url = "http://localhost:" + server.port() + "/graphql";
      run(
          http,
          url,
          "warm-up, spread",
          List.copyOf(activities.subList(1, 201)),
          1000,
          concurrency,
          0);
      run(http, url, "rush on one activity", List.of(activities.get(0)), bookings, concurrency, 1);
      run(
          http,
          url,
          "spread over 200 activities",
          activities.subList(1, 201),
          bookings,
          concurrency,
          2);
      System.out.printf("statements sent: %d%n", server.app().sql().statementCount());
    }
  }

  private static void run(
      HttpClient http,
      String url,
      String name,
      List<Long> activities,
      int count,
      int concurrency,
      int round)
      throws Exception {
    Stats stats = new Stats();
    AtomicInteger errors = new AtomicInteger();
    Semaphore inFlight = new Semaphore(concurrency);
    List<CompletableFuture<?>> calls = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long activity = activities.get(i % activities.size());
      String phone = String.format("13%d%08d", 5 + round, i);
      JsonObject input =
          new JsonObject()
              .put("activityId", GlobalId.of("Activity", activity))
              .put("name", "压测" + i)
              .put("phone", phone)
              .put("partySize", 1)
              .put("idempotencyKey", "bench-" + round + "-" + i);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      new JsonObject()
                          .put("query", BOOK)
                          .put("variables", new JsonObject().put("input", input))
                          .encode()))
              .build();
      inFlight.acquire();
      long sent = System.nanoTime();
      calls.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (r, e) -> {
                    stats.record(System.nanoTime() - sent);
                    if (e != null || r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                      errors.incrementAndGet();
                    }
                    inFlight.release();
                  }));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%-28s %5d bookings, concurrency %3d: %7.0f bookings/s, %s, errors %d%n",
        name, count, concurrency, count / seconds, stats.summary(), errors.get());
  }

  /** A centre and {@code n} activities of 100 000 seats starting tomorrow; returns their ids. */
  private static List<Long> activities(Server server, int n) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = server.database().openJdbc()) {
      c.createStatement()
          .execute(
              "INSERT INTO point (id, path, level, name_zh, lat, lng)"
                  + " VALUES (1, '1', 'CENTER', '中心', 43.6, 122.2)");
      try (PreparedStatement st =
          c.prepareStatement(
              "INSERT INTO activity (point_id, category, title_zh, starts_at, ends_at, capacity)"
                  + " VALUES (1, 'CLASS', ?, now() + interval '1 day',"
                  + " now() + interval '1 day 2 hours', 100000) RETURNING id")) {
        for (int i = 0; i < n; i++) {
          st.setString(1, "活动" + i);
          try (ResultSet rs = st.executeQuery()) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
      }
    }
    return ids;
  }
}
