package org.practicemap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.ServerProcess;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestSubscriptions;
import org.practicemap.testing.WsClient;

/**
 * Two replicas in processes of their own on one PostgreSQL, as {@code docker-compose.yml} runs
 * them: they start together on a database that has nothing in it yet (one migrates, loads the demo
 * and prints the first ADMIN token; the other waits and does none of it), agree on bookings and
 * live seats, and when one is killed (SIGKILL) in the middle of a booking storm no confirmed
 * booking is lost and none is made twice: clients retry what failed on the other replica with the
 * same idempotency key and get the same booking.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {
  static final int CAPACITY = 80;
  static final int CLIENTS = 20;
  static final int ATTEMPTS_PER_CLIENT = 10;
  static final int KILL_AFTER_ANSWERS = 60;
  static final String BOOK =
      "mutation($input: BookActivityInput!) { bookActivity(input: $input) {"
          + " booking { code status } replayed } }";
  static final String SEATS = "query($id: ID!) { node(id: $id) { ... on Activity { seatsLeft } } }";

  static String databaseUrl;
  static ServerProcess a;
  static ServerProcess b;
  static TestData data;
  static Network net;
  static long pointsAtStart;

  @BeforeAll
  static void startTwoReplicasTogetherOnANewDatabase() throws Exception {
    databaseUrl = blankDatabase();
    Map<String, String> env =
        Map.of(
            "DATABASE_URL", databaseUrl,
            "DEMO_DATA", "true",
            "RATE_LIMIT_PER_IP_MINUTE", "0",
            "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
            "BOOKING_LIMIT_PER_IP_HOUR", "0",
            "WS_MAX_CONNECTIONS_PER_IP", "0",
            "WEBHOOK_DELIVERY", "false");
    a = ServerProcess.start("replica-a", env);
    b = ServerProcess.start("replica-b", env);
    a.awaitReady(Duration.ofMinutes(4));
    b.awaitReady(Duration.ofMinutes(4));
    data = new TestData(databaseUrl);
    pointsAtStart = data.queryLong("SELECT count(*) FROM point");
    net = Network.create(data);
  }

  @AfterAll
  static void stop() {
    if (data != null) {
      data.close();
    }
    for (ServerProcess replica : new ServerProcess[] {a, b}) {
      if (replica != null) {
        replica.close();
      }
    }
    TestPostgres.drop(databaseUrl);
  }

  @Test
  @Order(1)
  void startingTogetherOnlyOneReplicaLoadsTheDemoDataAndPrintsTheFirstAdminToken() {
    String single = TestPostgres.newDemoDatabase();
    try (TestData demo = new TestData(single)) {
      assertEquals(
          demo.queryLong("SELECT count(*) FROM point"),
          pointsAtStart,
          "points: the Horqin demo network, loaded once");
    } finally {
      TestPostgres.drop(single);
    }
    assertEquals(1, count("Loaded the Horqin demo data"), "replicas that loaded the demo data");
    assertEquals(1, count("the first ADMIN token of this database"), "tokens printed");
    assertEquals(1, data.queryLong("SELECT count(*) FROM api_token"));
  }

  @Test
  @Order(2)
  void aBookingThroughOneReplicaReachesASubscriberOfTheOtherAndBothAgreeOnSeats() {
    long activity = activity(10);
    String id = Ids.activity(activity);
    try (WsClient ws =
        WsClient.connect(b.port(), "graphql-transport-ws", new WebSocketClientOptions()).init()) {
      ws.subscribe(
          "seats",
          "subscription { activityChanged(id: \"" + id + "\") { kind activity { seatsLeft } } }");
      awaitSubscriptions(b, 1);
      JsonObject booked = a.data(BOOK, Map.of("input", input(activity, 1, 3)));
      assertEquals(
          "CONFIRMED",
          booked.getJsonObject("bookActivity").getJsonObject("booking").getString("status"));
      // The activity's creation may still arrive first: wait for the booking's event.
      JsonObject event =
          TestSubscriptions.until(
              ws,
              "seats",
              "activityChanged",
              e -> e.getJsonObject("activity").getInteger("seatsLeft") != 10);
      assertEquals(7, event.getJsonObject("activity").getInteger("seatsLeft"), event.encode());
    }
    assertEquals(7, seatsLeft(a, id));
    assertEquals(7, seatsLeft(b, id));
  }

  @Test
  @Order(3)
  void aRetryOnTheOtherReplicaWithTheSameKeyGetsTheSameBooking() {
    long activity = activity(10);
    Map<String, Object> input = input(activity, 500, 2);
    JsonObject first = a.data(BOOK, Map.of("input", input)).getJsonObject("bookActivity");
    JsonObject retry = b.data(BOOK, Map.of("input", input)).getJsonObject("bookActivity");
    assertEquals(false, first.getBoolean("replayed"));
    assertEquals(true, retry.getBoolean("replayed"));
    assertEquals(
        first.getJsonObject("booking").getString("code"),
        retry.getJsonObject("booking").getString("code"));
    assertEquals(1, data.queryLong("SELECT count(*) FROM booking WHERE activity_id = ?", activity));
    assertEquals(8, seatsLeft(b, Ids.activity(activity)));
  }

  @Test
  @Order(4)
  void killingOneReplicaMidStormLosesNoConfirmedBookingAndMakesNoExtraOne() throws Exception {
    long activity = activity(CAPACITY);
    Map<String, JsonObject> answers = new ConcurrentHashMap<>();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      running.add(
          clients.submit(
              () -> {
                for (int i = 0; i < ATTEMPTS_PER_CLIENT; i++) {
                  Map<String, Object> input =
                      input(activity, 1000 + client * ATTEMPTS_PER_CLIENT + i, 1);
                  ServerProcess first = (client + i) % 2 == 0 ? a : b;
                  JsonObject answer = call(first, input);
                  if (answer == null) {
                    retried.incrementAndGet();
                    answer = retryOn(b, input);
                  }
                  answers.put((String) input.get("idempotencyKey"), answer);
                  if (answered.incrementAndGet() == KILL_AFTER_ANSWERS) {
                    a.kill();
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : running) {
      client.get(3, TimeUnit.MINUTES);
    }
    clients.shutdown();

    assertFalse(a.isAlive());
    assertEquals(CLIENTS * ATTEMPTS_PER_CLIENT, answers.size());
    assertTrue(retried.get() > 0, "the kill cut no call off: it came too late to test anything");
    Map<String, String> confirmedByKey = new HashMap<>();
    answers.forEach(
        (key, answer) -> {
          JsonObject booking = booking(answer);
          if (booking == null) {
            assertEquals("CONFLICT", code(answer), answer.encode());
          } else {
            assertEquals("CONFIRMED", booking.getString("status"), answer.encode());
            confirmedByKey.put(key, booking.getString("code"));
          }
        });
    Map<String, String> rowsByKey = rows(activity);
    System.out.printf(
        "storm: %d attempts, %d retried on the other replica, %d of them replayed a booking%n",
        answers.size(),
        retried.get(),
        answers.values().stream().filter(ReplicasTest::replayed).count());
    // Every client told CONFIRMED has that very booking, and there is no booking nobody was told
    // of.
    assertEquals(confirmedByKey, rowsByKey);
    assertEquals(CAPACITY, rowsByKey.size(), "demand exceeded the seats: all are taken, once each");
    assertEquals(
        CAPACITY, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", activity));
    assertEquals(0, seatsLeft(b, Ids.activity(activity)));
  }

  /** One booking call; null when the replica did not answer (killed, refused, cut off). */
  private static JsonObject call(ServerProcess replica, Map<String, Object> input) {
    try {
      HttpResponse<String> response = replica.postAsync(BOOK, Map.of("input", input)).join();
      return response.statusCode() == 200 ? new JsonObject(response.body()) : null;
    } catch (CompletionException e) {
      return null;
    }
  }

  /** What a client does when its call failed: the same input, key included, to another replica. */
  private static JsonObject retryOn(ServerProcess replica, Map<String, Object> input) {
    for (int attempt = 0; attempt < 5; attempt++) {
      JsonObject answer = call(replica, input);
      if (answer != null) {
        return answer;
      }
      sleep(200);
    }
    throw new AssertionError("the surviving replica did not answer either");
  }

  private static Map<String, String> rows(long activity) throws Exception {
    Map<String, String> rows = new HashMap<>();
    try (Connection c = TestPostgres.jdbc(databaseUrl);
        var st =
            c.prepareStatement(
                "SELECT idempotency_key::text, code, status FROM booking WHERE activity_id = ?")) {
      st.setLong(1, activity);
      ResultSet rs = st.executeQuery();
      while (rs.next()) {
        assertEquals("CONFIRMED", rs.getString(3));
        String before = rows.put(rs.getString(1), rs.getString(2));
        assertEquals(null, before, "two bookings with one idempotency key");
      }
    }
    return rows;
  }

  private static JsonObject booking(JsonObject answer) {
    JsonObject data = answer.getJsonObject("data");
    return data == null || data.getJsonObject("bookActivity") == null
        ? null
        : data.getJsonObject("bookActivity").getJsonObject("booking");
  }

  private static boolean replayed(JsonObject answer) {
    JsonObject data = answer.getJsonObject("data");
    return data != null
        && data.getJsonObject("bookActivity") != null
        && data.getJsonObject("bookActivity").getBoolean("replayed");
  }

  private static String code(JsonObject answer) {
    return answer
        .getJsonArray("errors")
        .getJsonObject(0)
        .getJsonObject("extensions")
        .getString("code");
  }

  private static long activity(int capacity) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0);
    long id =
        data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), capacity);
    // Without a waiting list: past capacity the answer is FULLY_BOOKED, and no row.
    data.update("UPDATE activity SET has_waitlist = false WHERE id = ?", id);
    return id;
  }

  private static Map<String, Object> input(long activity, int phone, int party) {
    Map<String, Object> input = new HashMap<>();
    input.put("activityId", Ids.activity(activity));
    input.put("name", "李小明");
    input.put("phone", String.format("139%08d", phone));
    input.put("partySize", party);
    input.put("idempotencyKey", UUID.randomUUID().toString());
    return input;
  }

  private static int seatsLeft(ServerProcess replica, String id) {
    return replica.data(SEATS, Map.of("id", id)).getJsonObject("node").getInteger("seatsLeft");
  }

  /** Waits until the replica's metrics show {@code count} live subscriptions. */
  private static void awaitSubscriptions(ServerProcess replica, int count) {
    long deadline = System.nanoTime() + WsClient.ARRIVES.toNanos();
    while (MetricsAndHealthTest.value(
            replica.get("/metrics").body(), "practicemap_live_subscriptions", "")
        != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the subscription never reached " + count);
      }
      sleep(50);
    }
  }

  private long count(String text) {
    return (a.output() + "\n" + b.output()).lines().filter(l -> l.contains(text)).count();
  }

  /** A database with nothing in it, not even the schema: the replicas' first start. */
  private static String blankDatabase() throws Exception {
    String name = "pm_test_replicas_" + System.nanoTime();
    try (Connection c =
        java.sql.DriverManager.getConnection(
            TestPostgres.adminUrl().replace("postgresql://postgres@", "jdbc:postgresql://")
                + "?user=postgres")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    String admin = TestPostgres.adminUrl();
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
