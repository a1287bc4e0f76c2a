package org.practicemap.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.WebhookReceiver;

/**
 * An endpoint that never answers holds only its own few deliveries (WEBHOOK_CONCURRENCY) while
 * another endpoint gets every event, and the API keeps answering.
 */
class SlowEndpointTest {
  static TestServer server;
  static String admin;
  static String pointId;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newEmptyDatabase();
    try (TestData data = new TestData(url)) {
      pointId = GlobalId.of("Point", data.point(null, "CENTER", "中心", 43.6, 122.2, true));
      admin = data.token("ADMIN", null);
    }
    Map<String, String> env = new HashMap<>(Hooks.FAST);
    // Longer than the test: the hanging requests stay open throughout.
    env.put("WEBHOOK_TIMEOUT_SECONDS", "60");
    server = TestServer.start(url, env);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void hangingEndpointHoldsOnlyItsOwnDeliveriesWhileAnotherGetsEverything() {
    try (WebhookReceiver slow = new WebhookReceiver().hang(true);
        WebhookReceiver fast = new WebhookReceiver()) {
      Hooks.register(server, admin, slow.url("/slow"), List.of("ACTIVITY_CREATED"));
      Hooks.register(server, admin, fast.url("/fast"), List.of("ACTIVITY_CREATED"));
      Set<String> created = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        created.add(Hooks.createActivity(server, admin, pointId, "活动" + i));
      }

      Set<String> delivered = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        delivered.add(
            fast.next(30).json().getJsonObject("data").getJsonObject("activity").getString("id"));
      }
      assertEquals(created, delivered);
      assertEquals(2, slow.hanging(), "the slow endpoint holds at most WEBHOOK_CONCURRENCY");
      assertEquals(2, slow.waiting());
      assertEquals(
          6,
          server
              .data("{ webhookEndpoints { url pendingDeliveries } }", Map.of(), admin)
              .getJsonArray("webhookEndpoints")
              .getJsonObject(0)
              .getInteger("pendingDeliveries"));
    }
  }
}
