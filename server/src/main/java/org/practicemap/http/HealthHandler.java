package org.practicemap.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.practicemap.db.Sql;

/** {@code /health}: 200 when PostgreSQL answers within two seconds, 503 when it does not. */
final class HealthHandler implements Handler<RoutingContext> {
  private static final long TIMEOUT_MS = 2000;
  private final Sql sql;

  HealthHandler(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void handle(RoutingContext rc) {
    sql.query("SELECT 1")
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(
            ar -> {
              boolean up = ar.succeeded();
              rc.response()
                  .setStatusCode(up ? 200 : 503)
                  .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                  .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                  .end(
                      new JsonObject()
                          .put("status", up ? "UP" : "DOWN")
                          .put("database", up ? "UP" : "DOWN")
                          .encode());
            });
  }
}
