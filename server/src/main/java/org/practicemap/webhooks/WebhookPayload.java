package org.practicemap.webhooks;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.practicemap.common.LocalZone;

/**
 * The body endpoints receive and its signature. The body is the same on every attempt; the
 * signature covers {@code <timestamp>.<body>}, so a receiver that checks the timestamp is recent
 * can refuse a replayed request, and one that remembers event ids can drop a repeated delivery.
 */
final class WebhookPayload {
  static final String SIGNATURE_VERSION = "v1";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private WebhookPayload() {}

  /** {@code {"id", "type", "occurredAt", "data"}}. */
  static JsonObject envelope(UUID id, EventType type, OffsetDateTime occurredAt, JsonObject data) {
    return new JsonObject()
        .put("id", id.toString())
        .put("type", type.wire())
        .put("occurredAt", TIME.format(occurredAt.atZoneSameInstant(LocalZone.ID)))
        .put("data", data);
  }

  /** {@code v1=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret>}. */
  static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return SIGNATURE_VERSION + "=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }
}
