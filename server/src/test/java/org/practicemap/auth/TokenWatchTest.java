package org.practicemap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * A WebSocket opened with a token is closed with 4403 once the token is revoked: a real Vert.x
 * WebSocket server watches the token with {@link TokenWatch}, a real WebSocket client connects.
 */
class TokenWatchTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static Vertx vertx;
  static HttpServer sockets;
  static TokenAuthenticator tokens;
  // Held for the whole class: Vert.x closes a client that is no longer referenced.
  static io.vertx.core.http.WebSocketClient client;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    vertx = Vertx.vertx();
    tokens = new TokenAuthenticator(server.server().app().sql(), java.time.Duration.ZERO);
    TokenWatch watch = new TokenWatch(vertx, tokens, 200);
    sockets =
        vertx
            .createHttpServer()
            .webSocketHandler(
                socket -> watch.watch(socket, socket.query().substring("token=".length())))
            .listen(0)
            .await(10, TimeUnit.SECONDS);
    client = vertx.createWebSocketClient();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    data.close();
    server.close();
  }

  static CompletableFuture<Short> connect(String token) throws Exception {
    CompletableFuture<Short> closed = new CompletableFuture<>();
    WebSocket socket =
        client
            .connect(
                new WebSocketConnectOptions()
                    .setHost("localhost")
                    .setPort(sockets.actualPort())
                    .setURI("/graphql?token=" + token))
            .await(10, TimeUnit.SECONDS);
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
    return closed;
  }

  @Test
  void aSocketWhoseTokenIsRevokedIsClosedWith4403() throws Exception {
    String token = data.token("STAFF", net.north());
    CompletableFuture<Short> closed = connect(token);
    Thread.sleep(600);
    assertFalse(closed.isDone(), "a valid token keeps its socket open");
    data.update("UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", Tokens.hash(token));
    assertEquals(TokenWatch.CLOSE_CODE, closed.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aSocketWhoseTokenExpiresIsClosedWith4403() throws Exception {
    String token = data.token("KIOSK", null, "kiosk-1", "1 second");
    CompletableFuture<Short> closed = connect(token);
    assertEquals(TokenWatch.CLOSE_CODE, closed.get(10, TimeUnit.SECONDS));
  }
}
