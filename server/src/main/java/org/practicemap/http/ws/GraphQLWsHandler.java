package org.practicemap.http.ws;

import graphql.GraphQL;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.http.ClientIp;

/**
 * GraphQL over WebSocket at {@code /graphql}, with the {@code graphql-transport-ws} protocol (the
 * one the {@code graphql-ws} client library speaks). Requests that are not WebSocket upgrades go on
 * to the HTTP handler.
 *
 * <p>Written here rather than taken from vertx-web-graphql's {@code GraphQLWSHandler} (5.0.7),
 * which leaves a malformed message unanswered (an exception in its frame handler), answers a second
 * {@code connection_init} after the ack with 4400 instead of 4429, a refused token with 4401
 * instead of 4403, sends validation errors as {@code next} instead of {@code error}, asks for the
 * next event before the socket has written the last one (so a client that reads slowly grows the
 * server's memory), and has no server pings nor limits. See {@link WsConnection}.
 */
public final class GraphQLWsHandler implements Handler<RoutingContext> {
  public static final String PROTOCOL = "graphql-transport-ws";

  private final GraphQL graphQL;
  private final GraphQLFactory factory;
  private final WsSessions sessions;
  private final ClientIp clientIp;

  public GraphQLWsHandler(
      GraphQL graphQL, GraphQLFactory factory, WsSessions sessions, ClientIp clientIp) {
    this.graphQL = graphQL;
    this.factory = factory;
    this.sessions = sessions;
    this.clientIp = clientIp;
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!rc.request().canUpgradeToWebSocket()) {
      rc.next();
      return;
    }
    // The client's address, behind trusted proxies too: the per-address limit counts clients.
    String ip = clientIp.of(rc);
    rc.request().toWebSocket().onSuccess(socket -> accept(socket, ip)).onFailure(rc::fail);
  }

  private void accept(ServerWebSocket socket, String ip) {
    if (!PROTOCOL.equals(socket.subProtocol())) {
      socket.close((short) 4406, "Subprotocol not acceptable: use " + PROTOCOL);
      return;
    }
    if (!sessions.tryOpen(ip)) {
      socket.close((short) 4429, "Too many connections from your address");
      return;
    }
    new WsConnection(socket, ip, graphQL, factory, sessions).start();
  }
}
