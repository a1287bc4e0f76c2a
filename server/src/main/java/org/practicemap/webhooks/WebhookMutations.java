package org.practicemap.webhooks;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.RequestContext;

/**
 * Registering, changing and removing webhook endpoints, and retrying a delivery (ADMIN). Each runs
 * in one transaction with its audit entry, which never holds the secret.
 */
public final class WebhookMutations implements Feature {
  private static final String ENDPOINT = "WebhookEndpoint";

  private final Sql sql;

  public WebhookMutations(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("createWebhookEndpoint", this::create)
                .dataFetcher("updateWebhookEndpoint", this::update)
                .dataFetcher("deleteWebhookEndpoint", this::delete)
                .dataFetcher("retryWebhookDelivery", this::retry));
  }

  private static Caller admin(DataFetchingEnvironment env) {
    Caller caller = RequestContext.of(env).caller();
    caller.requireRole(Role.ADMIN);
    return caller;
  }

  private Future<Map<String, Object>> create(DataFetchingEnvironment env) {
    Caller caller = admin(env);
    EndpointInput in = EndpointInput.forCreate(env.getArgument("input"));
    return sql.transaction(
            tx ->
                WebhookRepository.insertEndpoint(tx, in, caller.subject())
                    .map(WebhookMutations::requireRoom)
                    .compose(id -> WebhookRepository.findEndpoint(tx, id))
                    .compose(
                        endpoint ->
                            audit(
                                    tx,
                                    caller,
                                    "createWebhookEndpoint",
                                    endpoint.id(),
                                    null,
                                    endpoint.audited())
                                .map(endpoint)))
        .map(endpoint -> Map.of("endpoint", endpoint, "secret", in.secret()));
  }

  private Future<Map<String, Object>> update(DataFetchingEnvironment env) {
    Caller caller = admin(env);
    long id = GlobalId.decodeLong("id", ENDPOINT, env.getArgument("id"));
    EndpointInput in = EndpointInput.forUpdate(env.getArgument("input"));
    return sql.transaction(
            tx ->
                locked(tx, id, env.getArgument("id"))
                    .compose(
                        before ->
                            WebhookRepository.updateEndpoint(tx, id, in)
                                .compose(v -> WebhookRepository.findEndpoint(tx, id))
                                .compose(
                                    after ->
                                        audit(
                                                tx,
                                                caller,
                                                "updateWebhookEndpoint",
                                                id,
                                                before.audited(),
                                                auditedAfter(after, in))
                                            .map(after))))
        .map(
            endpoint -> {
              Map<String, Object> payload = new HashMap<>();
              payload.put("endpoint", endpoint);
              payload.put("secret", in.secret());
              return payload;
            });
  }

  private Future<Map<String, Object>> delete(DataFetchingEnvironment env) {
    Caller caller = admin(env);
    String globalId = env.getArgument("id");
    long id = GlobalId.decodeLong("id", ENDPOINT, globalId);
    return sql.transaction(
            tx ->
                locked(tx, id, globalId)
                    .compose(
                        before ->
                            WebhookRepository.deleteEndpoint(tx, id)
                                .compose(
                                    v ->
                                        audit(
                                            tx,
                                            caller,
                                            "deleteWebhookEndpoint",
                                            id,
                                            before.audited(),
                                            null))))
        .map(v -> Map.of("deletedId", globalId));
  }

  private Future<Map<String, Object>> retry(DataFetchingEnvironment env) {
    Caller caller = admin(env);
    String globalId = env.getArgument("id");
    long id = GlobalId.decodeLong("id", "WebhookDelivery", globalId);
    return sql.transaction(
            tx ->
                WebhookRepository.lockDelivery(tx, id)
                    .recover(WebhookMutations::inFlight)
                    .map(delivery -> found(delivery, globalId))
                    .compose(
                        before ->
                            WebhookRepository.retryNow(tx, id)
                                .compose(
                                    v ->
                                        AuditLog.record(
                                            tx,
                                            caller,
                                            "retryWebhookDelivery",
                                            "WebhookDelivery",
                                            globalId,
                                            new JsonObject().put("status", before.status()),
                                            new JsonObject().put("status", "PENDING"))))
                    .compose(v -> findDelivery(tx, id)))
        .map(delivery -> Map.of("delivery", delivery));
  }

  private static Future<WebhookDelivery> findDelivery(Sql tx, long id) {
    return WebhookRepository.deliveries(tx, " WHERE d.id = $1", io.vertx.sqlclient.Tuple.of(id))
        .map(rows -> rows.get(0));
  }

  private static Future<WebhookDelivery> inFlight(Throwable e) {
    if (e instanceof WebhookRepository.InFlight) {
      return Future.failedFuture(
          new ApiException(
              ErrorCode.CONFLICT,
              "This delivery is being attempted right now; look again in a few seconds."));
    }
    return Future.failedFuture(e);
  }

  private static WebhookDelivery found(WebhookDelivery delivery, String globalId) {
    if (delivery == null) {
      throw ApiException.notFound("No webhook delivery has the ID " + globalId + ".");
    }
    return delivery;
  }

  private static Future<WebhookEndpoint> locked(Sql tx, long id, String globalId) {
    return WebhookRepository.lockEndpoint(tx, id)
        .map(
            endpoint -> {
              if (endpoint == null) {
                throw ApiException.notFound("No webhook endpoint has the ID " + globalId + ".");
              }
              return endpoint;
            });
  }

  private static long requireRoom(Long id) {
    if (id == null) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "There are already "
              + WebhookRepository.MAX_ENDPOINTS
              + " webhook endpoints; remove one first.");
    }
    return id;
  }

  /** The audit entry says that the secret changed, never what it is. */
  private static JsonObject auditedAfter(WebhookEndpoint after, EndpointInput in) {
    JsonObject json = after.audited();
    if (in.secret() != null) {
      json.put("secretChanged", true);
    }
    return json;
  }

  private static Future<Void> audit(
      Sql tx, Caller caller, String action, long id, JsonObject before, JsonObject after) {
    return AuditLog.record(
        tx, caller, action, ENDPOINT, WebhooksFeature.endpointId(id), before, after);
  }
}
