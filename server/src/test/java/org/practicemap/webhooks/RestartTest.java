package org.practicemap.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.WebhookReceiver;
import org.practicemap.testing.WebhookReceiver.Received;

/** The outbox is in PostgreSQL: events survive the server that queued them. */
class RestartTest {

  @Test
  void eventsQueuedBeforeAndBetweenServersAreDeliveredByTheNextServer() {
    String url = TestPostgres.newEmptyDatabase();
    long point;
    String admin;
    try (TestData data = new TestData(url)) {
      point = data.point(null, "CENTER", "中心", 43.6, 122.2, true);
      admin = data.token("ADMIN", null);
    }
    try (WebhookReceiver receiver = new WebhookReceiver().answer(500)) {
      String failedEvent;
      try (TestServer first = TestServer.start(url, Hooks.FAST)) {
        Hooks.register(first, admin, receiver.url("/hooks"), List.of("ACTIVITY_CREATED"));
        Hooks.createActivity(first, admin, GlobalId.of("Point", point), "第一场");
        failedEvent = receiver.next(30).header("PracticeMap-Event-Id");
      }
      long whileDown;
      try (TestData data = new TestData(url)) {
        OffsetDateTime start = OffsetDateTime.now().plusDays(1);
        whileDown = data.activity(point, null, "OTHER", start, start.plusHours(1), null);
      }
      receiver.answer(200);

      try (TestServer second = TestServer.start(url, Hooks.FAST)) {
        Set<String> delivered = new HashSet<>();
        Set<String> activities = new HashSet<>();
        while (!delivered.contains(failedEvent)
            || !activities.contains(GlobalId.of("Activity", whileDown))) {
          Received request = receiver.next(30);
          delivered.add(request.header("PracticeMap-Event-Id"));
          activities.add(
              request.json().getJsonObject("data").getJsonObject("activity").getString("id"));
        }
        assertEquals(2, activities.size());
        Hooks.eventually(
            "both deliveries are DELIVERED",
            () -> {
              var all = Hooks.deliveries(second, admin, endpoint(second, admin));
              return all.size() == 2
                  && all.stream()
                      .allMatch(
                          d ->
                              ((io.vertx.core.json.JsonObject) d)
                                  .getString("status")
                                  .equals("DELIVERED"));
            });
      }
    }
  }

  private static String endpoint(TestServer server, String admin) {
    return server
        .data("{ webhookEndpoints { id } }", java.util.Map.of(), admin)
        .getJsonArray("webhookEndpoints")
        .getJsonObject(0)
        .getString("id");
  }
}
