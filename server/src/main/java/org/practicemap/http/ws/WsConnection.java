package org.practicemap.http.ws;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.SubscriptionExecutionStrategy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.practicemap.auth.TokenAuthenticator;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.graphql.RequestContext;
import org.practicemap.http.GraphQLRequest;
import org.practicemap.http.HttpError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket speaking {@code graphql-transport-ws}. Everything runs on the socket's event
 * loop. Close codes, as the protocol defines them:
 *
 * <ul>
 *   <li>4400 a message that is not JSON, has no string {@code type}, an unknown type, a {@code
 *       subscribe} without a string {@code id} or {@code query};
 *   <li>4401 {@code subscribe} before the server acknowledged {@code connection_init};
 *   <li>4403 a token in {@code connection_init} that is unknown, expired or revoked, now or at a
 *       later check ({@link org.practicemap.auth.TokenWatch}, every {@link
 *       WsOptions#reauthSeconds()});
 *   <li>4406 the socket was opened without the {@code graphql-transport-ws} sub-protocol;
 *   <li>4408 no {@code connection_init} within {@link WsOptions#initTimeoutSeconds()};
 *   <li>4409 {@code subscribe} with the id of an operation still running;
 *   <li>4429 a second {@code connection_init}, or more sockets from one address than allowed.
 * </ul>
 *
 * Too many operations on one socket is not a protocol error: that one {@code subscribe} gets an
 * {@code error} message ({@code RATE_LIMITED}) and the socket stays open.
 */
final class WsConnection {
  private static final Logger log = LoggerFactory.getLogger(WsConnection.class);

  /** Bytes the socket may queue before operations wait (and their events conflate). */
  static final int WRITE_QUEUE_BYTES = 64 * 1024;

  private enum State {
    AWAITING_INIT,
    INITIALISING,
    READY,
    CLOSED
  }

  private final ServerWebSocket socket;
  private final String ip;
  private final GraphQL graphQL;
  private final GraphQLFactory factory;
  private final WsSessions sessions;
  private final WsOptions options;
  private final Map<String, WsOperation> operations = new HashMap<>();
  private final List<WsOperation> waitingForDrain = new ArrayList<>();
  private Vertx vertx;
  private Context context;
  private Thread loop;
  private State state = State.AWAITING_INIT;
  private RequestContext request;
  private long lastHeard;
  private long initTimer = -1;
  private long pingTimer = -1;

  WsConnection(
      ServerWebSocket socket,
      String ip,
      GraphQL graphQL,
      GraphQLFactory factory,
      WsSessions sessions) {
    this.socket = socket;
    this.ip = ip;
    this.graphQL = graphQL;
    this.factory = factory;
    this.sessions = sessions;
    this.options = sessions.options();
  }

  /** Call on the socket's event loop. */
  void start() {
    context = Vertx.currentContext();
    vertx = context.owner();
    loop = Thread.currentThread();
    lastHeard = System.nanoTime();
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    socket
        .textMessageHandler(this::received)
        .binaryMessageHandler(b -> received(b.toString(StandardCharsets.UTF_8)))
        .pongHandler(b -> lastHeard = System.nanoTime())
        .drainHandler(v -> drained())
        .exceptionHandler(e -> log.debug("WebSocket from {} failed: {}", ip, e.toString()))
        .closeHandler(v -> closed())
        // The server is stopping (SIGTERM): 1001 "going away" tells clients to reconnect, which
        // the load balancer sends to another replica.
        .shutdownHandler(v -> close(1001, "The server is restarting; please reconnect"));
    initTimer =
        vertx.setTimer(
            options.initTimeoutSeconds() * 1000L,
            id -> {
              if (state == State.AWAITING_INIT) {
                close(4408, "Connection initialisation timeout");
              }
            });
    pingTimer = vertx.setPeriodic(options.pingSeconds() * 1000L, id -> ping());
  }

  // ── messages from the client ──

  private void received(String text) {
    lastHeard = System.nanoTime();
    if (state == State.CLOSED) {
      return;
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(text);
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (!(parsed instanceof JsonObject message)) {
      close(4400, "Invalid message: expected a JSON object");
      return;
    }
    if (!(message.getValue("type") instanceof String type)) {
      close(4400, "Invalid message: \"type\" must be a string");
      return;
    }
    switch (type) {
      case "connection_init" -> init(message);
      case "ping" -> send(new JsonObject().put("type", "pong"));
      case "pong" -> {}
      case "subscribe" -> subscribe(message);
      case "complete" -> complete(message);
      default -> close(4400, "Invalid message type: " + shorten(type));
    }
  }

  private void init(JsonObject message) {
    if (state != State.AWAITING_INIT) {
      close(4429, "Too many initialisation requests");
      return;
    }
    Object payload = message.getValue("payload");
    if (payload != null && !(payload instanceof JsonObject)) {
      close(4400, "Invalid message: the connection_init payload must be an object");
      return;
    }
    Object value = token((JsonObject) payload);
    if (value != null && !(value instanceof String)) {
      close(4400, "Invalid message: the token must be a string");
      return;
    }
    vertx.cancelTimer(initTimer);
    state = State.INITIALISING;
    String bearer = TokenAuthenticator.bearer((String) value);
    sessions
        .authenticate(bearer)
        .onComplete(
            ar -> {
              if (state != State.INITIALISING) {
                return;
              }
              if (ar.failed()) {
                refuse(ar.cause());
                return;
              }
              request = new RequestContext(ar.result(), ip);
              state = State.READY;
              send(new JsonObject().put("type", "connection_ack"));
              sessions.watch().watch(socket, bearer);
            });
  }

  /** {@code {"token": "…"}} or {@code {"Authorization": "Bearer …"}}, as clients send them. */
  private static Object token(JsonObject payload) {
    if (payload == null) {
      return null;
    }
    for (String key : new String[] {"token", "Authorization", "authorization"}) {
      if (payload.getValue(key) != null) {
        return payload.getValue(key);
      }
    }
    return null;
  }

  private void refuse(Throwable cause) {
    if (cause instanceof ApiException api && api.code() == ErrorCode.UNAUTHENTICATED) {
      close(4403, "Forbidden: the token is unknown, expired or revoked");
      return;
    }
    log.warn("Could not check a WebSocket token from {}: {}", ip, cause.toString());
    close(1011, "The server could not check the token; please reconnect");
  }

  private void subscribe(JsonObject message) {
    if (state != State.READY) {
      close(4401, "Unauthorized");
      return;
    }
    if (!(message.getValue("id") instanceof String id) || id.isEmpty()) {
      close(4400, "Invalid message: subscribe needs a string id");
      return;
    }
    if (operations.containsKey(id)) {
      close(4409, "Subscriber for " + shorten(id) + " already exists");
      return;
    }
    GraphQLRequest graphQLRequest;
    try {
      if (!(message.getValue("payload") instanceof JsonObject payload)) {
        throw HttpError.badRequest("the subscribe payload must be an object.");
      }
      graphQLRequest = GraphQLRequest.fromJson(payload).requireQuery();
    } catch (HttpError e) {
      close(4400, shorten("Invalid message: " + e.getMessage()));
      return;
    }
    if (operations.size() >= options.maxSubscriptionsPerConnection()) {
      sendErrors(
          id,
          error(
              ErrorCode.RATE_LIMITED,
              "This connection runs "
                  + operations.size()
                  + " operations already, the most allowed; complete one first."));
      return;
    }
    WsOperation operation = new WsOperation(this, id);
    operations.put(id, operation);
    execute(operation, graphQLRequest);
  }

  private void execute(WsOperation operation, GraphQLRequest graphQLRequest) {
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(graphQLRequest.query())
            .operationName(graphQLRequest.operationName())
            .variables(graphQLRequest.variables())
            .extensions(graphQLRequest.extensions())
            .graphQLContext(
                Map.of(
                    RequestContext.class,
                    request,
                    SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED,
                    true))
            .dataLoaderRegistry(factory.loaders(request))
            .build();
    graphQL
        .executeAsync(input)
        .whenComplete(
            (result, error) ->
                onContext(
                    () -> {
                      if (error != null) {
                        operation.failed(internalError(error));
                      } else {
                        operation.started(result);
                      }
                    }));
  }

  private void complete(JsonObject message) {
    if (!(message.getValue("id") instanceof String id)) {
      close(4400, "Invalid message: complete needs a string id");
      return;
    }
    WsOperation operation = operations.remove(id);
    if (operation != null) {
      operation.cancel();
    }
  }

  // ── to the client ──

  void sendNext(String id, ExecutionResult result) {
    send(
        new JsonObject()
            .put("id", id)
            .put("type", "next")
            .put("payload", new JsonObject(result.toSpecification())));
  }

  void sendErrors(String id, Object errors) {
    send(new JsonObject().put("id", id).put("type", "error").put("payload", errors));
  }

  void sendComplete(String id) {
    send(new JsonObject().put("id", id).put("type", "complete"));
  }

  private void send(JsonObject message) {
    if (state != State.CLOSED) {
      socket.writeTextMessage(message.encode());
    }
  }

  boolean writable() {
    return !socket.writeQueueFull();
  }

  void whenDrained(WsOperation operation) {
    waitingForDrain.add(operation);
  }

  private void drained() {
    List<WsOperation> waiting = new ArrayList<>(waitingForDrain);
    waitingForDrain.clear();
    waiting.forEach(WsOperation::drained);
  }

  void finished(WsOperation operation) {
    operations.remove(operation.id(), operation);
  }

  /** Logs an unexpected failure with a reference; the client sees only the reference. */
  JsonArray internalError(Throwable cause) {
    String ref = UUID.randomUUID().toString().substring(0, 8);
    log.error("A WebSocket operation failed unexpectedly (ref {})", ref, cause);
    return error(ErrorCode.INTERNAL, "Something went wrong on our side (ref " + ref + ").");
  }

  private static JsonArray error(ErrorCode code, String message) {
    return new JsonArray()
        .add(
            new JsonObject()
                .put("message", message)
                .put("extensions", new JsonObject().put("code", code.name())));
  }

  /** Runs now when on this socket's event loop (whichever context), else there. */
  void onContext(Runnable action) {
    if (Thread.currentThread() == loop) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  // ── keeping the socket alive, and closing it ──

  /** WebSocket ping frames: browsers answer them without any script. */
  private void ping() {
    long silentMs = (System.nanoTime() - lastHeard) / 1_000_000;
    if (silentMs > 2_000L * options.pingSeconds()) {
      close(1001, "No answer to pings");
      return;
    }
    if (state != State.CLOSED) {
      socket.writePing(Buffer.buffer("pm"));
    }
  }

  private void close(int code, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    closed();
    socket.close((short) code, fitCloseReason(reason));
  }

  /** Releases everything the socket held; runs once, whoever closed it. */
  private void closed() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    vertx.cancelTimer(initTimer);
    vertx.cancelTimer(pingTimer);
    operations.values().forEach(WsOperation::cancel);
    operations.clear();
    waitingForDrain.clear();
    sessions.closed(ip);
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** A close frame's reason is at most 123 bytes of UTF-8. */
  static String fitCloseReason(String reason) {
    String fitted = reason;
    while (fitted.getBytes(StandardCharsets.UTF_8).length > 123) {
      fitted = fitted.substring(0, fitted.length() - 4) + "...";
    }
    return fitted;
  }
}
