package org.practicemap.webhooks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.practicemap.db.Sql;

/**
 * The worker's side of the outbox. Claiming takes due deliveries with {@code FOR UPDATE SKIP
 * LOCKED} and marks them with a lease, in one statement: replicas never take the same row, and a
 * replica that dies mid-delivery loses its claim when the lease runs out. Per endpoint it takes
 * only as many as the endpoint has room for (its concurrency minus those leased, on any replica),
 * so a slow endpoint holds a few leases and never the whole queue.
 */
final class DeliveryQueue {
  /** One claimed delivery with what it takes to send it. */
  record Claimed(
      long id,
      int attempt,
      long endpointId,
      String url,
      String secret,
      UUID eventId,
      EventType type,
      OffsetDateTime occurredAt,
      JsonObject data) {

    String body() {
      return WebhookPayload.envelope(eventId, type, occurredAt, data).encode();
    }
  }

  /**
   * Written so that its cost follows the rows it claims, not the size of the log: the claimed ids
   * go to the UPDATE as an array (primary-key probes), and the event and endpoint of each are read
   * through LATERAL subqueries that OFFSET 0 keeps from being flattened into joins, which the
   * planner would otherwise answer with hash joins over whole tables.
   */
  private static final String CLAIM =
      """
      WITH due AS (
        SELECT c.id FROM webhook_endpoint e
        CROSS JOIN LATERAL (
          SELECT x.id FROM webhook_delivery x
          WHERE x.endpoint_id = e.id AND x.status = 'PENDING' AND x.next_attempt_at <= now()
            AND (x.locked_until IS NULL OR x.locked_until < now())
          ORDER BY x.next_attempt_at, x.id
          LIMIT greatest(0, $1 - (SELECT count(*) FROM webhook_delivery y
                                  WHERE y.endpoint_id = e.id AND y.locked_until > now()))
          FOR UPDATE OF x SKIP LOCKED) c
        WHERE e.enabled),
      claimed AS (
        UPDATE webhook_delivery d
        SET locked_until = now() + make_interval(secs => $2), attempts = d.attempts + 1,
            last_attempt_at = now()
        WHERE d.id = ANY (ARRAY(SELECT id FROM due))
        RETURNING d.id, d.attempts, d.event_id, d.endpoint_id)
      SELECT c.id, c.attempts, ep.id AS endpoint_id, ep.url, ep.secret, ev.id AS event_id,
             ev.type, ev.occurred_at, ev.data
      FROM claimed c
      CROSS JOIN LATERAL (SELECT * FROM webhook_event WHERE id = c.event_id OFFSET 0) ev
      CROSS JOIN LATERAL (SELECT * FROM webhook_endpoint WHERE id = c.endpoint_id OFFSET 0) ep
      """;

  /** The attempt is logged only while its delivery exists (its endpoint may have been removed). */
  private static final String LOG_ATTEMPT =
      "INSERT INTO webhook_attempt (delivery_id, number, at, duration_ms, status_code, error)"
          + " SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS"
          + " (SELECT 1 FROM webhook_delivery WHERE id = $1)";

  private final Sql sql;

  DeliveryQueue(Sql sql) {
    this.sql = sql;
  }

  Future<List<Claimed>> claim(int perEndpoint, int leaseSeconds) {
    return sql.query(CLAIM, Tuple.of(perEndpoint, leaseSeconds))
        .map(
            rows -> {
              List<Claimed> claimed = new ArrayList<>(rows.size());
              rows.forEach(row -> claimed.add(claimed(row)));
              return claimed;
            });
  }

  Future<Void> delivered(Claimed c, OffsetDateTime at, int durationMs, int status) {
    return sql.transaction(
        tx ->
            tx.query(LOG_ATTEMPT, Tuple.of(c.id(), c.attempt(), at, durationMs, status, null))
                .compose(
                    v ->
                        tx.query(
                            "UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(),"
                                + " locked_until = NULL, last_status = $2, last_error = NULL"
                                + " WHERE id = $1",
                            Tuple.of(c.id(), status)))
                .mapEmpty());
  }

  /**
   * Schedules the next attempt after {@code delayMs}, but never past the delivery's give-up time:
   * the last attempt is made then, and when it fails the delivery is FAILED.
   */
  Future<String> failed(
      Claimed c, OffsetDateTime at, int durationMs, Integer status, String error, long delayMs) {
    return sql.transaction(
        tx ->
            tx.query(LOG_ATTEMPT, Tuple.of(c.id(), c.attempt(), at, durationMs, status, error))
                .compose(
                    v ->
                        tx.query(
                            "UPDATE webhook_delivery SET locked_until = NULL, last_status = $2,"
                                + " last_error = $3,"
                                + " status = CASE WHEN now() >= give_up_at THEN 'FAILED'"
                                + " ELSE 'PENDING' END,"
                                + " next_attempt_at = least(now() + make_interval(secs => $4),"
                                + " give_up_at) WHERE id = $1 RETURNING status",
                            Tuple.of(c.id(), status, error, delayMs / 1000.0)))
                .map(rows -> rows.size() == 0 ? "GONE" : rows.iterator().next().getString(0)));
  }

  /**
   * Gives back the claims of a replica that is shutting down, due at once: another replica (or this
   * one after its restart) sends them again, and receivers drop a repeat by its event id.
   */
  Future<Void> release(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return sql.query(
            "UPDATE webhook_delivery SET locked_until = NULL, next_attempt_at = now(),"
                + " last_error = 'interrupted: the server delivering it shut down'"
                + " WHERE id = ANY($1) AND status = 'PENDING'",
            Tuple.of(ids.toArray(Long[]::new)))
        .mapEmpty();
  }

  /** Forgets events older than {@code days} whose deliveries are all over. */
  Future<Integer> sweep(int days) {
    return sql.query(
            "DELETE FROM webhook_event ev WHERE ev.occurred_at < now() - make_interval(days => $1)"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = ev.id"
                + " AND d.status = 'PENDING')",
            Tuple.of(days))
        .map(rows -> rows.rowCount());
  }

  private static Claimed claimed(Row row) {
    return new Claimed(
        row.getLong("id"),
        row.getInteger("attempts"),
        row.getLong("endpoint_id"),
        row.getString("url"),
        row.getString("secret"),
        row.getUUID("event_id"),
        EventType.fromWire(row.getString("type")),
        row.getOffsetDateTime("occurred_at"),
        (JsonObject) row.getValue("data"));
  }
}
