package org.practicemap.webhooks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.practicemap.common.LocalZone;

/** An endpoint as the API shows it; its secret is never part of it. */
record WebhookEndpoint(
    long id,
    String url,
    List<EventType> events,
    String description,
    boolean enabled,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    int pendingDeliveries) {

  static final String COLUMNS =
      "e.id, e.url, e.event_types, e.description, e.enabled, e.created_by, e.created_at,"
          + " e.updated_at, (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id"
          + " AND d.status = 'PENDING') AS pending";

  static WebhookEndpoint from(Row row) {
    return new WebhookEndpoint(
        row.getLong("id"),
        row.getString("url"),
        Arrays.stream(row.getArrayOfStrings("event_types")).map(EventType::fromWire).toList(),
        row.getString("description"),
        row.getBoolean("enabled"),
        row.getString("created_by"),
        LocalZone.offsetTime(row.getOffsetDateTime("created_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("updated_at")),
        row.getLong("pending").intValue());
  }

  /** What the audit log keeps: everything but the secret. */
  JsonObject audited() {
    return new JsonObject()
        .put("url", url)
        .put("events", new JsonArray(events.stream().map(EventType::name).toList()))
        .put("description", description)
        .put("enabled", enabled);
  }
}
