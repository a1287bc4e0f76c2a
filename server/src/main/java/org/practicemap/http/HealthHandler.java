package org.practicemap.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.practicemap.db.Sql;
import org.practicemap.ops.Lifecycle;

/**
 * Health for people and for orchestrators.
 *
 * <ul>
 *   <li>{@code /health}: 200 when PostgreSQL answers within two seconds, 503 when it does not (as
 *       it always was; monitors keep working).
 *   <li>{@code /health/live}: 200 whenever the event loop answers, without the database: a liveness
 *       probe that restarts the process only when the process itself is stuck, never because
 *       PostgreSQL is away (a restart would not bring it back).
 *   <li>{@code /health/ready}: 200 when PostgreSQL answers and the replica is not stopping; 503
 *       during a shutdown, so that the load balancer stops sending new work here.
 * </ul>
 */
final class HealthHandler {
  private static final long TIMEOUT_MS = 2000;
  private final Sql sql;
  private final Lifecycle lifecycle;

  HealthHandler(Sql sql, Lifecycle lifecycle) {
    this.sql = sql;
    this.lifecycle = lifecycle;
  }

  void health(RoutingContext rc) {
    database()
        .onComplete(
            ar -> send(rc, ar.succeeded(), new JsonObject().put("database", up(ar.succeeded()))));
  }

  void live(RoutingContext rc) {
    send(rc, true, new JsonObject());
  }

  void ready(RoutingContext rc) {
    if (lifecycle.draining()) {
      send(rc, false, new JsonObject().put("draining", true));
      return;
    }
    database()
        .onComplete(
            ar ->
                send(
                    rc,
                    ar.succeeded() && !lifecycle.draining(),
                    new JsonObject()
                        .put("database", up(ar.succeeded()))
                        .put("draining", lifecycle.draining())));
  }

  private Future<?> database() {
    return sql.query("SELECT 1").timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  private static String up(boolean up) {
    return up ? "UP" : "DOWN";
  }

  private static void send(RoutingContext rc, boolean up, JsonObject details) {
    rc.response()
        .setStatusCode(up ? 200 : 503)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject().put("status", up(up)).mergeIn(details).encode());
  }
}
