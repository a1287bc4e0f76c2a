package org.practicemap.webhooks;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.practicemap.common.LocalZone;

/** One try at delivering: when, how long, and what the endpoint answered (or why none came). */
record WebhookAttempt(
    long deliveryId,
    int number,
    OffsetDateTime at,
    int durationMs,
    Integer statusCode,
    String error) {

  static WebhookAttempt from(Row row) {
    return new WebhookAttempt(
        row.getLong("delivery_id"),
        row.getInteger("number"),
        LocalZone.offsetTime(row.getOffsetDateTime("at")),
        row.getInteger("duration_ms"),
        row.getInteger("status_code"),
        row.getString("error"));
  }
}
