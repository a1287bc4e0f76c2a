package org.practicemap.bench.suite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.practicemap.bench.Stats;

/**
 * A storm on one activity: {@code attempts} bookings sent at the same instant, each on its own
 * connection with its own phone, to a running server; prints the time until the last answer,
 * latency percentiles and the outcomes (CONFIRMED, WAITLISTED, or the error code). Whether the
 * activity was oversold is checked afterwards by SQL (bench/run-suite.sh), not trusted from here.
 *
 * <pre>java -cp bench/target/practice-map-bench.jar org.practicemap.bench.suite.BookingStorm \
 *   --port 18095 --activity QWN0aXZpdHk6MTIz --attempts 1000</pre>
 */
public final class BookingStorm {
  private static final String BOOK =
      "mutation($input: BookActivityInput!) { bookActivity(input: $input) {"
          + " booking { code status } activity { seatsLeft } } }";

  private BookingStorm() {}

  public static void main(String[] args) throws Exception {
    int port = 18095;
    String activity = null;
    int attempts = 1000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--activity" -> activity = args[i + 1];
        case "--attempts" -> attempts = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (activity == null) {
      throw new IllegalArgumentException("--activity <global id> is required");
    }
    Vertx vertx = Vertx.vertx();
    HttpClientAgent client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setIdleTimeout(120),
            new PoolOptions().setHttp1MaxSize(attempts).setMaxWaitQueueSize(-1));
    Stats stats = new Stats();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<Future<Void>> all = new ArrayList<>();
    long run = System.currentTimeMillis() % 1_000_000;
    long started = System.nanoTime();
    for (int n = 0; n < attempts; n++) {
      JsonObject input =
          new JsonObject()
              .put("activityId", activity)
              .put("name", "压测")
              .put("phone", String.format("159%08d", (run * 1000 + n) % 100_000_000))
              .put("idempotencyKey", "storm-" + run + "-" + n);
      JsonObject body =
          new JsonObject()
              .put("query", BOOK)
              .put("variables", new JsonObject().put("input", input));
      long sent = System.nanoTime();
      all.add(
          client
              .request(
                  new RequestOptions()
                      .setMethod(HttpMethod.POST)
                      .setURI("/graphql")
                      .putHeader("Content-Type", "application/json"))
              .compose(req -> req.send(body.toBuffer()))
              .compose(resp -> resp.body().map(b -> outcome(resp.statusCode(), b.toJsonObject())))
              .recover(e -> Future.succeededFuture("FAILED " + e.getClass().getSimpleName()))
              .map(
                  outcome -> {
                    synchronized (outcomes) {
                      stats.record(System.nanoTime() - sent);
                      outcomes.merge(outcome, 1, Integer::sum);
                    }
                    return null;
                  }));
    }
    Future.join(all).await(180, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "SUITE storm attempts=%d seconds=%.2f rps=%.1f p50_ms=%.1f p99_ms=%.1f outcomes=%s%n",
        attempts,
        seconds,
        attempts / seconds,
        stats.percentileMillis(50),
        stats.percentileMillis(99),
        outcomes);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static String outcome(int status, JsonObject answer) {
    if (answer.getJsonArray("errors") != null) {
      JsonObject error = answer.getJsonArray("errors").getJsonObject(0);
      JsonObject extensions = error.getJsonObject("extensions", new JsonObject());
      return "ERROR " + extensions.getString("code", String.valueOf(status));
    }
    return answer
        .getJsonObject("data")
        .getJsonObject("bookActivity")
        .getJsonObject("booking")
        .getString("status");
  }
}
