package org.practicemap.http.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.auth.Tokens;
import org.practicemap.testing.Network;
import org.practicemap.testing.RawWebSocket;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;
import org.practicemap.testing.WsClient;

/**
 * The graphql-transport-ws protocol, checked with a real WebSocket client: the handshake, ping and
 * pong, operations and their answers, and every close code the protocol defines.
 */
class GraphQLTransportWsTest {
  static TestServer server;
  static Network net;
  static String staffToken;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            org.practicemap.testing.TestPostgres.newEmptyDatabase(),
            Map.of(
                "DEMO_DATA", "false",
                "WS_INIT_TIMEOUT_SECONDS", "1",
                "WS_REAUTH_SECONDS", "1",
                "TOKEN_CACHE_SECONDS", "0",
                "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", "2"));
    try (TestData data = new TestData(server.databaseUrl())) {
      net = Network.create(data);
      staffToken = data.token("STAFF", net.north());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void connectionInitIsAcknowledgedAndPingAnsweredWithPong() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.send(new JsonObject().put("type", "ping"));
      assertEquals("pong", ws.next().getString("type"));
    }
  }

  @Test
  void aQueryOverTheSocketAnswersNextThenComplete() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("q1", "{ themes { code } }");
      JsonObject data = ws.nextData("q1");
      assertEquals("A_THEME", data.getJsonArray("themes").getJsonObject(0).getString("code"));
      JsonObject complete = ws.next();
      assertEquals("complete", complete.getString("type"));
      assertEquals("q1", complete.getString("id"));
    }
  }

  @Test
  void aValidationErrorAnswersErrorWithACodeAndTheSocketStaysOpen() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("bad", "subscription { activityChanged(id: \"x\") { nope } }");
      JsonObject error = ws.next();
      assertEquals("error", error.getString("type"), error.encode());
      assertEquals("bad", error.getString("id"));
      assertEquals(
          "BAD_USER_INPUT",
          error
              .getJsonArray("payload")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"));
      ws.send(new JsonObject().put("type", "ping"));
      assertEquals("pong", ws.next().getString("type"));
    }
  }

  @Test
  void subscribeBeforeTheAckClosesWith4401() {
    try (WsClient ws = WsClient.connect(server)) {
      ws.subscribe("s1", "{ themes { code } }");
      assertEquals(4401, ws.awaitClose());
    }
  }

  @Test
  void aSecondConnectionInitClosesWith4429() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.send(new JsonObject().put("type", "connection_init"));
      assertEquals(4429, ws.awaitClose());
      assertEquals("Too many initialisation requests", ws.closeReason());
    }
  }

  @Test
  void noConnectionInitInTimeClosesWith4408() {
    try (WsClient ws = WsClient.connect(server)) {
      assertEquals(4408, ws.awaitClose());
    }
  }

  @Test
  void aDuplicateOperationIdClosesWith4409() {
    try (WsClient ws = WsClient.connect(server).init()) {
      String id = TestSubscriptions.activityChanged(server, net);
      ws.subscribe("same", id);
      ws.subscribe("same", id);
      assertEquals(4409, ws.awaitClose());
      assertTrue(ws.closeReason().contains("same"), ws.closeReason());
    }
  }

  @Test
  void everyMalformedMessageClosesWith4400() {
    String[] malformed = {
      "not json",
      "[1, 2]",
      "{\"payload\": {}}",
      "{\"type\": 7}",
      "{\"type\": \"shout\"}",
      "{\"type\": \"next\", \"id\": \"1\"}",
    };
    for (String message : malformed) {
      try (WsClient ws = WsClient.connect(server)) {
        ws.sendText(message);
        assertEquals(4400, ws.awaitClose(), message);
      }
    }
    String[] badSubscribes = {
      "{\"type\": \"subscribe\", \"payload\": {\"query\": \"{ themes { code } }\"}}",
      "{\"type\": \"subscribe\", \"id\": 5, \"payload\": {\"query\": \"{ themes { code } }\"}}",
      "{\"type\": \"subscribe\", \"id\": \"1\"}",
      "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": \"{ themes { code } }\"}",
      "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": 3}}",
      "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {}}",
      "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ themes { code } }\","
          + " \"variables\": [1]}}",
      "{\"type\": \"complete\", \"id\": {}}",
    };
    for (String message : badSubscribes) {
      try (WsClient ws = WsClient.connect(server).init()) {
        ws.sendText(message);
        assertEquals(4400, ws.awaitClose(), message);
        assertTrue(ws.closeReason().startsWith("Invalid message"), ws.closeReason());
      }
    }
  }

  @Test
  void aConnectionInitPayloadThatIsNotAnObjectClosesWith4400() {
    try (WsClient ws = WsClient.connect(server)) {
      ws.sendText("{\"type\": \"connection_init\", \"payload\": \"token\"}");
      assertEquals(4400, ws.awaitClose());
    }
  }

  @Test
  void aValidTokenIsAcknowledgedInEitherForm() {
    try (WsClient ws = WsClient.connect(server)) {
      ws.init(new JsonObject().put("token", staffToken));
    }
    try (WsClient ws = WsClient.connect(server)) {
      ws.init(new JsonObject().put("Authorization", "Bearer " + staffToken));
    }
  }

  @Test
  void anUnknownTokenClosesWith4403() {
    try (WsClient ws = WsClient.connect(server)) {
      ws.send(
          new JsonObject()
              .put("type", "connection_init")
              .put("payload", new JsonObject().put("token", "pm_not_a_token")));
      assertEquals(4403, ws.awaitClose());
      assertTrue(ws.closeReason().startsWith("Forbidden"), ws.closeReason());
    }
  }

  @Test
  void aTokenRevokedWhileTheSocketIsOpenClosesItWith4403() {
    String token;
    try (TestData data = new TestData(server.databaseUrl())) {
      token = data.token("MANAGER", net.north());
    }
    try (WsClient ws = WsClient.connect(server).init(new JsonObject().put("token", token))) {
      try (TestData data = new TestData(server.databaseUrl())) {
        data.update(
            "UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", Tokens.hash(token));
      }
      assertEquals(4403, ws.awaitClose());
    }
  }

  @Test
  void aSocketWithoutTheSubProtocolClosesWith4406() {
    try (WsClient ws = WsClient.connect(server.port(), null, new WebSocketClientOptions())) {
      assertEquals(4406, ws.awaitClose());
    }
  }

  @Test
  void tooManyOperationsOnOneSocketAnswerRateLimitedAndTheSocketStaysOpen() {
    String query = TestSubscriptions.activityChanged(server, net);
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("a", query).subscribe("b", query).subscribe("c", query);
      // c's error, and a's and b's first events (CURRENT), in any order
      JsonObject error = null;
      for (int i = 0; i < 3; i++) {
        JsonObject message = ws.next();
        if ("c".equals(message.getString("id"))) {
          error = message;
        } else {
          assertEquals("next", message.getString("type"), message.encode());
        }
      }
      assertEquals("error", error.getString("type"), error.encode());
      assertEquals("c", error.getString("id"));
      assertEquals(
          "RATE_LIMITED",
          error
              .getJsonArray("payload")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"));
      ws.complete("a").subscribe("c", query);
      assertEquals("CURRENT", ws.nextData("c").getJsonObject("activityChanged").getString("kind"));
      ws.send(new JsonObject().put("type", "ping"));
      assertEquals("pong", ws.next().getString("type"));
      assertFalse(ws.isClosed());
    }
  }

  @Test
  void completeEndsASubscriptionAndClosingTheSocketEndsTheRest() throws Exception {
    String query = TestSubscriptions.activityChanged(server, net);
    int before = server.server().live().activities().size();
    WsClient ws = WsClient.connect(server).init();
    ws.subscribe("a", query).subscribe("b", query);
    TestSubscriptions.awaitFollowers(server, before + 2);
    ws.complete("a");
    TestSubscriptions.awaitFollowers(server, before + 1);
    ws.close();
    TestSubscriptions.awaitFollowers(server, before);
  }

  @Test
  void idleSocketsArePingedAndOneThatNeverAnswersIsClosed() {
    try (TestServer pinging =
            TestServer.start(
                server.databaseUrl(), Map.of("DEMO_DATA", "false", "WS_PING_SECONDS", "1"));
        RawWebSocket ws = new RawWebSocket(pinging.port(), "graphql-transport-ws")) {
      ws.sendText("{\"type\":\"connection_init\"}");
      assertEquals("{\"type\":\"connection_ack\"}", ws.read().text());
      int pings = 0;
      RawWebSocket.Frame frame = ws.read();
      while (frame.opcode() == RawWebSocket.PING) {
        pings++;
        frame = ws.read();
      }
      assertTrue(pings >= 1, "pinged " + pings + " times");
      assertEquals(RawWebSocket.CLOSE, frame.opcode());
      assertEquals(1001, frame.closeCode());
    }
  }

  @Test
  void moreSocketsFromOneAddressThanAllowedCloseWith4429() {
    try (TestServer limited =
            TestServer.start(
                server.databaseUrl(),
                Map.of("DEMO_DATA", "false", "WS_MAX_CONNECTIONS_PER_IP", "2"));
        WsClient first = WsClient.connect(limited).init();
        WsClient second = WsClient.connect(limited).init();
        WsClient third = WsClient.connect(limited)) {
      assertEquals(4429, third.awaitClose());
      assertEquals("Too many connections from your address", third.closeReason());
      first.close();
      first.awaitClose();
      try (WsClient again = connectWhenCounted(limited)) {
        assertFalse(again.isClosed());
      }
    }
  }

  /**
   * Connects and initialises; the server counts a socket as gone once its close reaches it, so this
   * retries briefly.
   */
  private static WsClient connectWhenCounted(TestServer server) {
    for (int i = 0; i < 50; i++) {
      WsClient ws = WsClient.connect(server);
      JsonObject ack =
          ws.send(new JsonObject().put("type", "connection_init")).poll(Duration.ofSeconds(2));
      if (ack != null) {
        return ws;
      }
      ws.close();
      TestSubscriptions.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("the closed socket was never released");
  }
}
