package org.practicemap.bench.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.practicemap.bench.Stats;

/**
 * Subscription delivery under load: a real server process, N WebSocket subscribers (1,000, 5,000,
 * 10,000 by default) each following one of 1,000 activities with {@code activityChanged}, and 100
 * committed changes per second. Reports delivery latency (commit request sent → event received) and
 * the server's memory per connection. See docs/BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp bench/target/practice-map-bench.jar
 * org.practicemap.bench.live.LiveBench [server jar] [levels, e.g. 1000,5000,10000] [seconds]}
 */
public final class LiveBench {
  static final int ACTIVITIES = 1_000;
  static final int CHANGES_PER_SECOND = 100;
  static final String SUBSCRIPTION =
      "subscription($id: ID!) { activityChanged(id: $id) {"
          + " kind activityId activity { version seatsLeft status } } }";

  private final Vertx vertx = Vertx.vertx();
  private final ServerProcess server;
  private final Pool db;
  private final WebSocketClient client;
  private final List<WebSocket> sockets = new ArrayList<>();
  private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile Stats stats = new Stats();
  private final long[] versions = new long[ACTIVITIES + 1];

  private LiveBench(ServerProcess server) {
    this.server = server;
    this.db =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(4))
            .connectingTo(server.databaseUrl())
            .using(vertx)
            .build();
    this.client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions().setMaxConnections(100_000).setConnectTimeout(60_000));
  }

  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "server/target/practice-map.jar";
    int[] levels = {1_000, 5_000, 10_000};
    if (args.length > 1) {
      levels = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
    }
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    try (ServerProcess server = ServerProcess.start(jar)) {
      new LiveBench(server).run(levels, seconds);
    }
    System.exit(0);
  }

  private void run(int[] levels, int seconds) throws Exception {
    setUp();
    long baseHeap = server.heapUsedKb();
    long baseRss = server.rssKb();
    System.out.printf(
        "server baseline: heap %d KB, RSS %d KB (pid %d)%n", baseHeap, baseRss, server.pid());
    System.out.println(
        "| subscribers | events/s delivered | p50 ms | p90 ms | p99 ms | max ms | lost |"
            + " heap/connection | RSS/connection | load average |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    boolean jitWarm = false;
    for (int level : levels) {
      connect(level);
      warmUp(level);
      if (!jitWarm) {
        measure(level, 15); // the server's JIT compiles the delivery path; not reported
        jitWarm = true;
      }
      long heap = server.heapUsedKb();
      long rss = server.rssKb();
      String loadBefore = loadAverage();
      Stats run = measure(level, seconds);
      long expected = (long) CHANGES_PER_SECOND * seconds * level / ACTIVITIES;
      System.out.printf(
          "| %,d | %,d | %.1f | %.1f | %.1f | %.1f | %d | %.1f KB | %.1f KB | %s → %s |%n",
          level,
          run.count() / seconds,
          run.percentileMillis(50),
          run.percentileMillis(90),
          run.percentileMillis(99),
          run.percentileMillis(100),
          Math.max(0, expected - run.count()),
          (heap - baseHeap) / (double) level,
          (rss - baseRss) / (double) level,
          loadBefore,
          loadAverage());
    }
    if (System.getenv("LIVE_BENCH_HISTOGRAM") != null) {
      // what the connections hold, largest first: where to look for memory per connection
      server.histogram(java.nio.file.Path.of("target", "live-bench-histogram.txt"));
    }
    if (errors.get() > 0) {
      System.out.println("errors received: " + errors.get());
    }
  }

  private void setUp() throws Exception {
    await(
        db.query(
                "INSERT INTO theme (code, sort_order, name_zh, color, icon)"
                    + " VALUES ('BENCH', 1, '压测', '#112233', 'flag')")
            .execute());
    await(
        db.query(
                "INSERT INTO point (id, path, level, name_zh, lat, lng)"
                    + " VALUES (1, '1', 'CENTER', '压测中心', 43.62, 122.26)")
            .execute());
    await(
        db.query(
                "INSERT INTO activity (id, point_id, theme_code, category, title_zh,"
                    + " starts_at, ends_at, capacity) SELECT n, 1, 'BENCH', 'CLASS', '活动' || n,"
                    + " now() + interval '1 day', now() + interval '1 day 2 hours', 100000000"
                    + " FROM generate_series(1, "
                    + ACTIVITIES
                    + ") n")
            .execute());
    java.util.Arrays.fill(versions, 1);
  }

  /** Opens sockets until {@code level} are open, 200 handshakes in flight at most. */
  private void connect(int level) throws InterruptedException {
    int missing = level - sockets.size();
    Semaphore inFlight = new Semaphore(200);
    CountDownLatch done = new CountDownLatch(missing);
    for (int i = 0; i < missing; i++) {
      inFlight.acquire();
      long activity = (sockets.size() + i) % ACTIVITIES + 1;
      subscriber(activity)
          .onComplete(
              ar -> {
                inFlight.release();
                done.countDown();
                if (ar.succeeded()) {
                  synchronized (sockets) {
                    sockets.add(ar.result());
                  }
                } else {
                  System.out.println("connect failed: " + ar.cause());
                }
              });
    }
    done.await(10, TimeUnit.MINUTES);
  }

  private Future<WebSocket> subscriber(long activity) {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("localhost")
            .setPort(server.port())
            .setURI("/graphql")
            .addSubProtocol("graphql-transport-ws");
    return client
        .connect(options)
        .compose(
            ws -> {
              io.vertx.core.Promise<WebSocket> acked = io.vertx.core.Promise.promise();
              ws.textMessageHandler(text -> received(ws, text, activity, acked));
              ws.writeTextMessage("{\"type\":\"connection_init\"}");
              return acked.future();
            });
  }

  private void received(
      WebSocket ws, String text, long activity, io.vertx.core.Promise<WebSocket> acked) {
    long now = System.nanoTime();
    JsonObject message = new JsonObject(text);
    switch (message.getString("type")) {
      case "connection_ack" -> {
        JsonObject payload =
            new JsonObject()
                .put("query", SUBSCRIPTION)
                .put("variables", new JsonObject().put("id", globalId(activity)));
        ws.writeTextMessage(
            new JsonObject()
                .put("id", "1")
                .put("type", "subscribe")
                .put("payload", payload)
                .encode());
        acked.tryComplete(ws);
      }
      case "next" -> {
        JsonObject event =
            message.getJsonObject("payload").getJsonObject("data").getJsonObject("activityChanged");
        if ("CURRENT".equals(event.getString("kind"))) {
          return; // the subscription's first event: its state, not a change being measured
        }
        received.incrementAndGet();
        if (event.getJsonObject("activity") != null) {
          long version = event.getJsonObject("activity").getLong("version");
          Long sent = sentAt.get(key(activity, version));
          if (sent != null) {
            stats.record(now - sent);
          }
        }
      }
      case "error" -> errors.incrementAndGet();
      default -> {}
    }
  }

  /** One change to every activity; waits until every subscriber has its event. */
  private void warmUp(int level) throws Exception {
    for (int round = 0; round < 50; round++) {
      long before = received.get();
      for (int id = 1; id <= ACTIVITIES; id++) {
        change(id);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (received.get() - before < level && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (received.get() - before >= level) {
        return; // every subscription is registered and delivering
      }
    }
    throw new IllegalStateException("subscribers never all received the warm-up change");
  }

  /** {@link #CHANGES_PER_SECOND} changes a second for {@code seconds}, round-robin. */
  private Stats measure(int level, int seconds) throws Exception {
    Thread.sleep(1_000); // let the warm-up drain
    stats = new Stats();
    long interval = TimeUnit.SECONDS.toNanos(1) / CHANGES_PER_SECOND;
    long start = System.nanoTime();
    for (int i = 0; i < CHANGES_PER_SECOND * seconds; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      change(i % ACTIVITIES + 1);
    }
    Thread.sleep(3_000); // the last events
    return stats;
  }

  private void change(int id) {
    long version;
    synchronized (versions) {
      version = ++versions[id];
    }
    sentAt.put(key(id, version), System.nanoTime());
    db.preparedQuery("UPDATE activity SET seats_taken = seats_taken + 1 WHERE id = $1")
        .execute(Tuple.of(id))
        .onFailure(e -> System.out.println("change failed: " + e));
  }

  /** The machine's 1-minute load average: this machine is shared, figures depend on it. */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static long key(long activity, long version) {
    return activity * 10_000_000L + version;
  }

  private static String globalId(long activity) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("Activity:" + activity).getBytes(StandardCharsets.UTF_8));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(60, TimeUnit.SECONDS);
  }
}
