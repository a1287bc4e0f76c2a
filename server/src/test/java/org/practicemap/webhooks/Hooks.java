package org.practicemap.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.practicemap.testing.TestServer;

/** Small steps the webhook tests share: register an endpoint, make changes, verify signatures. */
final class Hooks {
  /** Short polls and retries, so that tests wait seconds, not minutes. */
  static final Map<String, String> FAST =
      Map.of(
          "WEBHOOK_POLL_MS", "100",
          "WEBHOOK_RETRY_SECONDS", "1",
          "WEBHOOK_TIMEOUT_SECONDS", "2",
          "WEBHOOK_CONCURRENCY", "2");

  private Hooks() {}

  record Registered(String id, String secret) {}

  static Registered register(TestServer server, String admin, String url, List<String> events) {
    JsonObject payload =
        server
            .data(
                "mutation($in: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $in)"
                    + " { secret endpoint { id } } }",
                Map.of("in", Map.of("url", url, "events", events)),
                admin)
            .getJsonObject("createWebhookEndpoint");
    return new Registered(
        payload.getJsonObject("endpoint").getString("id"), payload.getString("secret"));
  }

  static String createActivity(TestServer server, String manager, String pointId, String title) {
    OffsetDateTime start = OffsetDateTime.now().plusDays(3).withNano(0);
    return server
        .data(
            "mutation($in: CreateActivityInput!) { createActivity(input: $in) { activity { id } } }",
            Map.of(
                "in",
                Map.of(
                    "pointId",
                    pointId,
                    "title",
                    Map.of("zh", title),
                    "category",
                    "CLASS",
                    "startsAt",
                    start.toString(),
                    "endsAt",
                    start.plusHours(2).toString(),
                    "capacity",
                    20)),
            manager)
        .getJsonObject("createActivity")
        .getJsonObject("activity")
        .getString("id");
  }

  /** The receiver's check: HMAC-SHA256 over {@code <timestamp>.<body>} with the secret. */
  static String expectedSignature(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v1="
          + HexFormat.of()
              .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The deliveries of one endpoint, newest first, with their attempts. */
  static JsonArray deliveries(TestServer server, String admin, String endpointId) {
    JsonObject data =
        server.data(
            "query($e: ID!) { webhookDeliveries(filter: {endpointId: $e}, first: 50) { edges {"
                + " node { id eventId eventType status attempts lastStatusCode lastError"
                + " nextAttemptAt deliveredAt payload attemptLog { number statusCode error } } } } }",
            Map.of("e", endpointId),
            admin);
    JsonArray nodes = new JsonArray();
    data.getJsonObject("webhookDeliveries")
        .getJsonArray("edges")
        .forEach(edge -> nodes.add(((JsonObject) edge).getJsonObject("node")));
    return nodes;
  }

  /** Waits until {@code check} holds, polling; fails with {@code what} after 30 s. */
  static void eventually(String what, java.util.function.BooleanSupplier check) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Never happened: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static void assertSigned(
      org.practicemap.testing.WebhookReceiver.Received request, String secret) {
    assertEquals(
        expectedSignature(secret, request.header("PracticeMap-Timestamp"), request.body()),
        request.header("PracticeMap-Signature"));
  }
}
