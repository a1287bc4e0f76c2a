package org.practicemap.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.WsClient;

/** The same persisted-query rules over the WebSocket (graphql-transport-ws) as over HTTP. */
class PersistedQueriesOverWebSocketTest {
  static TestServer server;
  static String adminToken;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newEmptyDatabase();
    try (TestData data = new TestData(url)) {
      data.point(null, "CENTER", "中心", 43.6, 122.2, true);
      adminToken = data.token("ADMIN", null);
    }
    server = TestServer.start(url, Map.of("PERSISTED_QUERIES", "allowlist"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void registeredQueryRunsByItsHashAlone() {
    String hash = Sha256.hex(Apq.clientQuery("queries/network-counts.graphql"));
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.send(subscribe("1", new JsonObject().put("extensions", Apq.extension(hash))));
      JsonObject data = ws.nextData("1");
      assertEquals(1, data.getJsonObject("points").getInteger("totalCount"));
    }
  }

  @Test
  void unregisteredQueryOfAPublicCallerIsRefused() {
    try (WsClient ws = WsClient.connect(server).init()) {
      ws.subscribe("1", "{ points(first: 1) { totalCount } }");
      JsonObject message = ws.next();
      assertEquals("PERSISTED_QUERY_NOT_IN_LIST", code(message), message.encode());
    }
  }

  @Test
  void callerWithATokenRunsAnyQuery() {
    try (WsClient ws = WsClient.connect(server).init(new JsonObject().put("token", adminToken))) {
      ws.subscribe("1", "{ viewer { role } }");
      assertEquals("ADMIN", ws.nextData("1").getJsonObject("viewer").getString("role"));
    }
  }

  private static JsonObject subscribe(String id, JsonObject payload) {
    return new JsonObject().put("id", id).put("type", "subscribe").put("payload", payload);
  }

  /** The error code, whether it came as an {@code error} message or in a {@code next} payload. */
  private static String code(JsonObject message) {
    Object payload = message.getValue("payload");
    io.vertx.core.json.JsonArray errors =
        payload instanceof io.vertx.core.json.JsonArray array
            ? array
            : ((JsonObject) payload).getJsonArray("errors");
    return errors.getJsonObject(0).getJsonObject("extensions").getString("code");
  }
}
