package org.practicemap.webhooks;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;
import org.practicemap.auth.Role;
import org.practicemap.db.Sql;
import org.practicemap.db.Where;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Cursor;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.Loaders;
import org.practicemap.graphql.PageRequest;
import org.practicemap.graphql.RequestContext;

/** {@code webhookEndpoints} and {@code webhookDeliveries}: for ADMINs only. */
public final class WebhooksFeature implements Feature {
  private static final String ENDPOINTS = "webhookEndpoint";
  private static final String ATTEMPTS = "webhookAttempts";

  private final Sql sql;

  public WebhooksFeature(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("webhookEndpoints", this::endpoints)
                .dataFetcher("webhookDeliveries", this::deliveries));
    wiring.type(
        "WebhookEndpoint",
        t -> t.dataFetcher("id", env -> endpointId(env.<WebhookEndpoint>getSource().id())));
    wiring.type(
        "WebhookDelivery",
        t ->
            t.dataFetcher("id", env -> deliveryId(env.<WebhookDelivery>getSource().id()))
                .dataFetcher(
                    "endpoint",
                    env ->
                        Loaders.load(env, ENDPOINTS, env.<WebhookDelivery>getSource().endpointId()))
                .dataFetcher(
                    "eventId", env -> env.<WebhookDelivery>getSource().eventId().toString())
                .dataFetcher(
                    "nextAttemptAt", env -> env.<WebhookDelivery>getSource().pendingNextAttemptAt())
                .dataFetcher("payload", env -> env.<WebhookDelivery>getSource().payload().getMap())
                .dataFetcher(
                    "attemptLog",
                    env -> Loaders.load(env, ATTEMPTS, env.<WebhookDelivery>getSource().id())));
  }

  @Override
  public void registerLoaders(DataLoaderRegistry registry, RequestContext request) {
    registry.register(
        ENDPOINTS,
        Loaders.<Long, WebhookEndpoint>mapped(ids -> WebhookRepository.endpointsById(sql, ids)));
    registry.register(
        ATTEMPTS,
        Loaders.<Long, List<WebhookAttempt>>mapped(ids -> WebhookRepository.attempts(sql, ids)));
  }

  static String endpointId(long id) {
    return GlobalId.of("WebhookEndpoint", id);
  }

  static String deliveryId(long id) {
    return GlobalId.of("WebhookDelivery", id);
  }

  private Future<List<WebhookEndpoint>> endpoints(DataFetchingEnvironment env) {
    RequestContext.of(env).caller().requireRole(Role.ADMIN);
    return WebhookRepository.endpoints(sql);
  }

  private Future<Connection<WebhookDelivery>> deliveries(DataFetchingEnvironment env) {
    RequestContext.of(env).caller().requireRole(Role.ADMIN);
    Where where = filter(env.getArgument("filter"));
    Where count = where.copy();
    PageRequest page = PageRequest.from(env);
    Cursor after = page.cursor(1);
    if (after != null) {
      where.and("d.id < $?", after.key(0));
    }
    String query = where.sql() + " ORDER BY d.id DESC LIMIT $" + where.param(page.limit());
    return WebhookRepository.deliveries(sql, query, where.args())
        .map(
            rows ->
                Connection.of(
                    rows,
                    page,
                    d -> Cursor.encode(d.id()),
                    () -> WebhookRepository.countDeliveries(sql, count.sql(), count.args())));
  }

  private static Where filter(Map<String, Object> filter) {
    Where where = new Where();
    if (filter == null) {
      return where;
    }
    String endpoint = (String) filter.get("endpointId");
    if (endpoint != null) {
      where.and(
          "d.endpoint_id = $?",
          GlobalId.decodeLong("filter.endpointId", "WebhookEndpoint", endpoint));
    }
    if (filter.get("status") != null) {
      where.and("d.status = $?", filter.get("status").toString());
    }
    if (filter.get("eventType") != null) {
      where.and("ev.type = $?", EventType.valueOf(filter.get("eventType").toString()).wire());
    }
    String eventId = (String) filter.get("eventId");
    if (eventId != null) {
      where.and("d.event_id = $?", uuid(eventId));
    }
    return where;
  }

  private static java.util.UUID uuid(String value) {
    try {
      if (value.length() != 36) {
        throw new IllegalArgumentException();
      }
      return java.util.UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw org.practicemap.graphql.ApiException.badInput(
          "filter.eventId", "\"" + value + "\" is not an event ID; copy one from eventId.");
    }
  }
}
