package org.practicemap.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real WebSocket client (Vert.x) speaking {@code graphql-transport-ws} to a test server, with
 * blocking helpers: what it receives waits in a queue, the close code and reason are kept.
 */
public final class WsClient implements AutoCloseable {
  public static final Duration ARRIVES = Duration.ofSeconds(10);
  private static final Vertx vertx = Vertx.vertx();

  private final WebSocket ws;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();

  private WsClient(WebSocket ws) {
    this.ws = ws;
    ws.textMessageHandler(text -> received.add(new JsonObject(text)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
  }

  /** Opens a socket on {@code /graphql} with the graphql-transport-ws sub-protocol. */
  public static WsClient connect(TestServer server) {
    return connect(server.port(), "graphql-transport-ws", new WebSocketClientOptions());
  }

  public static WsClient connect(
      int port, String subProtocol, WebSocketClientOptions clientOptions) {
    WebSocketClient client = vertx.createWebSocketClient(clientOptions);
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/graphql");
    if (subProtocol != null) {
      options.addSubProtocol(subProtocol);
    }
    // Handlers are set on the event loop as the handshake completes, before any frame is read.
    return await(client.connect(options).map(WsClient::new));
  }

  /** Sends {@code connection_init} and waits for {@code connection_ack}. */
  public WsClient init() {
    return init(null);
  }

  public WsClient init(JsonObject payload) {
    JsonObject init = new JsonObject().put("type", "connection_init");
    if (payload != null) {
      init.put("payload", payload);
    }
    send(init);
    JsonObject ack = next();
    if (!"connection_ack".equals(ack.getString("type"))) {
      throw new AssertionError("expected connection_ack, got " + ack.encode());
    }
    return this;
  }

  public WsClient subscribe(String id, String query) {
    return subscribe(id, query, Map.of());
  }

  public WsClient subscribe(String id, String query, Map<String, Object> variables) {
    return send(
        new JsonObject()
            .put("id", id)
            .put("type", "subscribe")
            .put(
                "payload",
                new JsonObject().put("query", query).put("variables", new JsonObject(variables))));
  }

  public WsClient complete(String id) {
    return send(new JsonObject().put("id", id).put("type", "complete"));
  }

  public WsClient send(JsonObject message) {
    return sendText(message.encode());
  }

  public WsClient sendText(String text) {
    await(ws.writeTextMessage(text));
    return this;
  }

  /** The next message, waiting up to {@link #ARRIVES}. */
  public JsonObject next() {
    return next(ARRIVES);
  }

  public JsonObject next(Duration timeout) {
    try {
      JsonObject message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + timeout + " (closed: " + closed + ")");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next message, or null when none comes within {@code timeout}. */
  public JsonObject poll(Duration timeout) {
    try {
      return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The payload's data of the next {@code next} message for {@code id}. */
  public JsonObject nextData(String id) {
    JsonObject message = next();
    if (!"next".equals(message.getString("type")) || !id.equals(message.getString("id"))) {
      throw new AssertionError("expected next for " + id + ", got " + message.encode());
    }
    JsonObject payload = message.getJsonObject("payload");
    if (payload.containsKey("errors")) {
      throw new AssertionError("unexpected errors: " + payload.encode());
    }
    return payload.getJsonObject("data");
  }

  /** Waits for the server to close the socket and returns the close code. */
  public int awaitClose() {
    try {
      return closed.get(ARRIVES.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the socket is still open after " + ARRIVES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  public String closeReason() {
    return ws.closeReason();
  }

  /** Stops reading from the socket: the server's writes pile up as for a slow client. */
  public void pause() {
    ws.pause();
  }

  public void resume() {
    ws.resume();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      ws.close();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
  }
}
