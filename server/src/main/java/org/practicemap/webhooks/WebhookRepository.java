package org.practicemap.webhooks;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.Sql;

/** The SQL of endpoints and of the delivery log, for the API. */
final class WebhookRepository {
  static final int MAX_ENDPOINTS = 100;

  private WebhookRepository() {}

  static Future<List<WebhookEndpoint>> endpoints(Sql sql) {
    return sql.query("SELECT " + WebhookEndpoint.COLUMNS + " FROM webhook_endpoint e ORDER BY e.id")
        .map(rows -> list(rows, WebhookEndpoint::from));
  }

  static Future<Map<Long, WebhookEndpoint>> endpointsById(Sql sql, List<Long> ids) {
    return sql.query(
            "SELECT " + WebhookEndpoint.COLUMNS + " FROM webhook_endpoint e WHERE e.id = ANY($1)",
            Tuple.of(ids.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, WebhookEndpoint> found = new HashMap<>();
              rows.forEach(row -> found.put(row.getLong("id"), WebhookEndpoint.from(row)));
              return found;
            });
  }

  /** The endpoint, locked for the rest of the transaction; null when there is none. */
  static Future<WebhookEndpoint> lockEndpoint(Sql tx, long id) {
    return tx.query(
            "SELECT "
                + WebhookEndpoint.COLUMNS
                + " FROM webhook_endpoint e WHERE e.id = $1 FOR UPDATE",
            Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : WebhookEndpoint.from(rows.iterator().next()));
  }

  static Future<WebhookEndpoint> findEndpoint(Sql tx, long id) {
    return tx.query(
            "SELECT " + WebhookEndpoint.COLUMNS + " FROM webhook_endpoint e WHERE e.id = $1",
            Tuple.of(id))
        .map(rows -> WebhookEndpoint.from(rows.iterator().next()));
  }

  /**
   * Inserts an endpoint unless there are already {@link #MAX_ENDPOINTS} (each event is fanned out
   * to every endpoint in the writing transaction, so their number is kept small); returns its id or
   * null. A transaction-level advisory lock makes the count and the insert one step.
   */
  static Future<Long> insertEndpoint(Sql tx, EndpointInput in, String createdBy) {
    return tx.query("SELECT pg_advisory_xact_lock(hashtext('webhook_endpoint'))")
        .compose(
            locked ->
                tx.query(
                    "INSERT INTO webhook_endpoint (url, secret, event_types, description,"
                        + " created_by) SELECT $1, $2, $3, NULLIF($4, ''), $5"
                        + " WHERE (SELECT count(*) FROM webhook_endpoint) < $6 RETURNING id",
                    Tuple.of(
                        in.url(),
                        in.secret(),
                        wire(in.events()),
                        in.description(),
                        createdBy,
                        MAX_ENDPOINTS)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  static Future<Void> updateEndpoint(Sql tx, long id, EndpointInput in) {
    return tx.query(
            "UPDATE webhook_endpoint SET url = COALESCE($2, url), secret = COALESCE($3, secret),"
                + " event_types = COALESCE($4, event_types),"
                + " description = CASE WHEN $5::text IS NULL THEN description"
                + " ELSE NULLIF($5, '') END, enabled = COALESCE($6, enabled), updated_at = now()"
                + " WHERE id = $1",
            Tuple.of(
                id,
                in.url(),
                in.secret(),
                in.events() == null ? null : wire(in.events()),
                in.description(),
                in.enabled()))
        .mapEmpty();
  }

  static Future<Void> deleteEndpoint(Sql tx, long id) {
    return tx.query("DELETE FROM webhook_endpoint WHERE id = $1", Tuple.of(id)).mapEmpty();
  }

  static Future<List<WebhookDelivery>> deliveries(Sql sql, String where, Tuple args) {
    return sql.query("SELECT " + WebhookDelivery.COLUMNS + WebhookDelivery.FROM + where, args)
        .map(rows -> list(rows, WebhookDelivery::from));
  }

  static Future<Integer> countDeliveries(Sql sql, String where, Tuple args) {
    return sql.query("SELECT count(*)" + WebhookDelivery.FROM + where, args)
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  /** The delivery, locked; null when there is none. */
  static Future<WebhookDelivery> lockDelivery(Sql tx, long id) {
    return tx.query(
            "SELECT "
                + WebhookDelivery.COLUMNS
                + ", d.locked_until > now() AS in_flight"
                + WebhookDelivery.FROM
                + " WHERE d.id = $1 FOR UPDATE OF d",
            Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return null;
              }
              Row row = rows.iterator().next();
              if (Boolean.TRUE.equals(row.getBoolean("in_flight"))) {
                throw new InFlight();
              }
              return WebhookDelivery.from(row);
            });
  }

  /** Due again now, with a fresh 24 hours of retries. */
  static Future<Void> retryNow(Sql tx, long id) {
    return tx.query(
            "UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = now(),"
                + " give_up_at = now() + interval '24 hours', locked_until = NULL WHERE id = $1",
            Tuple.of(id))
        .mapEmpty();
  }

  static Future<Map<Long, List<WebhookAttempt>>> attempts(Sql sql, List<Long> deliveryIds) {
    return sql.query(
            "SELECT delivery_id, number, at, duration_ms, status_code, error FROM webhook_attempt"
                + " WHERE delivery_id = ANY($1) ORDER BY delivery_id, number",
            Tuple.of(deliveryIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, List<WebhookAttempt>> byDelivery = new HashMap<>();
              deliveryIds.forEach(id -> byDelivery.put(id, new ArrayList<>()));
              rows.forEach(
                  row -> byDelivery.get(row.getLong("delivery_id")).add(WebhookAttempt.from(row)));
              return byDelivery;
            });
  }

  /** Thrown when a delivery is being attempted right now. */
  static final class InFlight extends RuntimeException {
    InFlight() {
      super(null, null, false, false);
    }
  }

  private static String[] wire(List<EventType> events) {
    return events.stream().map(EventType::wire).toArray(String[]::new);
  }

  private static <T> List<T> list(
      io.vertx.sqlclient.RowSet<Row> rows, java.util.function.Function<Row, T> map) {
    List<T> list = new ArrayList<>(rows.size());
    rows.forEach(row -> list.add(map.apply(row)));
    return list;
  }
}
