package org.practicemap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.ServerProcess;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.WsClient;

/**
 * SIGTERM, as {@code docker stop} sends it, to a server with its embedded PostgreSQL: the booking
 * in flight (held up on its activity's row lock) still completes and is answered, the WebSocket is
 * closed with 1001, no new connection is taken, the database stops with the server, and the process
 * is gone within the 10 s that orchestrators wait before SIGKILL. It logs in JSON throughout.
 */
class GracefulShutdownTest {
  static final String BOOK =
      "mutation($input: BookActivityInput!) { bookActivity(input: $input) {"
          + " booking { code status } } }";

  @Test
  void sigtermFinishesTheRequestInFlightClosesWebSocketsWith1001AndExitsWithinTenSeconds()
      throws Exception {
    int pgPort = ServerProcess.freePort();
    Path dataDir = Files.createTempDirectory(Path.of("target"), "shutdown-");
    String url = "postgresql://postgres@127.0.0.1:" + pgPort + "/practicemap";
    try (ServerProcess server =
        ServerProcess.start(
            "sigterm",
            Map.of(
                "DATA_DIR", dataDir.toString(),
                "EMBEDDED_PG_PORT", Integer.toString(pgPort),
                "DEMO_DATA", "false",
                "LOG_FORMAT", "json",
                "ADMIN_TOKEN", "shutdown-test-admin-token-0123456789abcdef"))) {
      server.awaitReady(Duration.ofMinutes(3));
      long activity;
      try (TestData data = new TestData(url)) {
        Network net = Network.create(data);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0);
        activity =
            data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), 10);
      }
      WsClient ws =
          WsClient.connect(server.port(), "graphql-transport-ws", new WebSocketClientOptions())
              .init();
      CompletableFuture<HttpResponse<String>> inFlight;
      try (Connection lock = TestPostgres.jdbc(url)) {
        lock.setAutoCommit(false);
        lock.createStatement()
            .execute("SELECT 1 FROM activity WHERE id = " + activity + " FOR UPDATE");
        inFlight = server.postAsync(BOOK, Map.of("input", input(activity)));
        awaitWaitingOnALock(lock);

        server.terminate();
        server.awaitOutput("Stopping: draining", Duration.ofSeconds(10));
        assertEquals(1001, ws.awaitClose(), "close code of the open WebSocket");
        awaitRefused(server);
        assertTrue(!inFlight.isDone(), "the booking was answered before its lock was released");
        lock.commit();
      }
      HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      JsonObject booking =
          new JsonObject(answer.body())
              .getJsonObject("data")
              .getJsonObject("bookActivity")
              .getJsonObject("booking");
      assertEquals("CONFIRMED", booking.getString("status"));

      assertTrue(server.waitForExit(Duration.ofSeconds(10)), "still running 10 s after SIGTERM");
      assertThrows(SQLException.class, () -> TestPostgres.jdbc(url).close(), "PostgreSQL runs on");
      String output = server.output();
      assertTrue(output.contains("Stopped in"), output);
      output.lines().forEach(line -> assertTrue(isJsonObject(line), "not a JSON line: " + line));
    }
  }

  /** The booking has reached PostgreSQL and waits there for the row lock the test holds. */
  private static void awaitWaitingOnALock(Connection c) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      var rs =
          c.createStatement()
              .executeQuery(
                  "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                      + " AND pid <> pg_backend_pid()");
      rs.next();
      if (rs.getLong(1) > 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the booking never reached the activity's row lock");
      }
      Thread.sleep(20);
    }
  }

  /** A stopping server takes no new connection (the load balancer's retry goes elsewhere). */
  private static void awaitRefused(ServerProcess server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 500);
      } catch (java.io.IOException refused) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the stopping server still accepts connections");
  }

  private static boolean isJsonObject(String line) {
    try {
      new JsonObject(line);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Map<String, Object> input(long activity) {
    Map<String, Object> input = new HashMap<>();
    input.put("activityId", Ids.activity(activity));
    input.put("name", "李小明");
    input.put("phone", "13900000001");
    input.put("partySize", 1);
    input.put("idempotencyKey", UUID.randomUUID().toString());
    return input;
  }
}
