package org.practicemap.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for one GraphQL query: {@code connections} clients each send the
 * query, wait for the answer, and send it again, for {@code seconds}; prints requests per second,
 * latency percentiles and how many answers were not 200. Loopback only.
 *
 * <pre>java -cp bench/target/practice-map-bench.jar org.practicemap.bench.GraphQLLoad \
 *   --port 8080 --query '{ viewer { role } }' [--token pm_…] [--connections 32] [--seconds 20]
 * </pre>
 */
public final class GraphQLLoad {
  private GraphQLLoad() {}

  public static void main(String[] args) throws Exception {
    int port = 8080;
    String query = "{ themes { code } }";
    String token = null;
    int connections = 32;
    int seconds = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--query" -> query = args[i + 1];
        case "--token" -> token = args[i + 1];
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Math.min(300, Integer.parseInt(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Vertx vertx = Vertx.vertx();
    HttpClientAgent client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(connections));
    Buffer body = new JsonObject().put("query", query).toBuffer();
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setURI("/graphql")
            .putHeader("Content-Type", "application/json");
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    Stats stats = new Stats();
    AtomicLong failures = new AtomicLong();
    long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    long ends = warmUpEnds + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      loop(client, request, body, stats, failures, warmUpEnds, ends, done);
    }
    done.await(seconds + 60L, TimeUnit.SECONDS);
    System.out.printf(
        "%d connections, %d s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d not 200%n",
        connections,
        seconds,
        stats.count() / (double) seconds,
        stats.percentileMillis(50),
        stats.percentileMillis(99),
        failures.get());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static void loop(
      HttpClientAgent client,
      RequestOptions request,
      Buffer body,
      Stats stats,
      AtomicLong failures,
      long warmUpEnds,
      long ends,
      CountDownLatch done) {
    long started = System.nanoTime();
    if (started >= ends) {
      done.countDown();
      return;
    }
    client
        .request(request)
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(
            ar -> {
              long now = System.nanoTime();
              if (started >= warmUpEnds) {
                stats.record(now - started);
                if (ar.failed() || ar.result() != 200) {
                  failures.incrementAndGet();
                }
              }
              loop(client, request, body, stats, failures, warmUpEnds, ends, done);
            });
  }
}
