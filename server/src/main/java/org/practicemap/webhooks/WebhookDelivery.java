package org.practicemap.webhooks;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.practicemap.common.LocalZone;

/** One event's delivery to one endpoint, as webhookDeliveries shows it. */
record WebhookDelivery(
    long id,
    long endpointId,
    UUID eventId,
    EventType eventType,
    OffsetDateTime occurredAt,
    String status,
    int attempts,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime lastAttemptAt,
    Integer lastStatusCode,
    String lastError,
    OffsetDateTime deliveredAt,
    OffsetDateTime giveUpAt,
    JsonObject data) {

  static final String COLUMNS =
      "d.id, d.endpoint_id, d.event_id, ev.type, ev.occurred_at, d.status, d.attempts,"
          + " d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error, d.delivered_at,"
          + " d.give_up_at, ev.data";
  static final String FROM = " FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id";

  static WebhookDelivery from(Row row) {
    return new WebhookDelivery(
        row.getLong("id"),
        row.getLong("endpoint_id"),
        row.getUUID("event_id"),
        EventType.fromWire(row.getString("type")),
        LocalZone.offsetTime(row.getOffsetDateTime("occurred_at")),
        row.getString("status"),
        row.getInteger("attempts"),
        LocalZone.offsetTime(row.getOffsetDateTime("next_attempt_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("last_attempt_at")),
        row.getInteger("last_status"),
        row.getString("last_error"),
        LocalZone.offsetTime(row.getOffsetDateTime("delivered_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("give_up_at")),
        (JsonObject) row.getValue("data"));
  }

  /** The body as the endpoint receives it. */
  JsonObject payload() {
    return WebhookPayload.envelope(eventId, eventType, occurredAt, data);
  }

  /** When the next attempt is due; null unless the delivery is still pending. */
  OffsetDateTime pendingNextAttemptAt() {
    return status.equals("PENDING") ? nextAttemptAt : null;
  }
}
