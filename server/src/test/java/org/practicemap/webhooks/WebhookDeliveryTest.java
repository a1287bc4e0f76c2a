package org.practicemap.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.WebhookReceiver;
import org.practicemap.testing.WebhookReceiver.Received;

/** Deliveries to a real HTTP receiver: what is sent, how it is signed, how failures are retried. */
class WebhookDeliveryTest {
  static TestServer server;
  static String admin;
  static long point;
  static String pointId;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newEmptyDatabase();
    try (TestData data = new TestData(url)) {
      data.theme("A_THEME", 1);
      point = data.point(null, "CENTER", "中心", 43.6, 122.2, true);
      admin = data.token("ADMIN", null);
    }
    pointId = GlobalId.of("Point", point);
    server = TestServer.start(url, Hooks.FAST);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void activityChangesAreDeliveredSignedAndCarryTheirEventId() {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Hooks.Registered hook =
          Hooks.register(
              server,
              admin,
              receiver.url("/hooks"),
              List.of("ACTIVITY_CREATED", "ACTIVITY_UPDATED", "ACTIVITY_CANCELLED"));
      String activityId = Hooks.createActivity(server, admin, pointId, "剪纸课");

      Received created = receiver.next(30);
      JsonObject body = created.json();
      assertEquals("activity.created", body.getString("type"));
      assertEquals("activity.created", created.header("PracticeMap-Event-Type"));
      assertEquals(body.getString("id"), created.header("PracticeMap-Event-Id"));
      assertEquals("1", created.header("PracticeMap-Delivery-Attempt"));
      assertTrue(created.header("Content-Type").startsWith("application/json"));
      Hooks.assertSigned(created, hook.secret());
      assertNotEquals(
          Hooks.expectedSignature(
              "whsec_not-the-secret-0123456789",
              created.header("PracticeMap-Timestamp"),
              created.body()),
          created.header("PracticeMap-Signature"));
      JsonObject activity = body.getJsonObject("data").getJsonObject("activity");
      assertEquals(activityId, activity.getString("id"));
      assertEquals(pointId, activity.getString("pointId"));
      assertEquals("剪纸课", activity.getJsonObject("title").getString("zh"));
      assertEquals("SCHEDULED", activity.getString("status"));
      assertEquals(20, activity.getInteger("seatsLeft"));
      assertTrue(body.getString("occurredAt").endsWith("+08:00"), body.getString("occurredAt"));

      seatsOnlyChange(activityId);
      server.data(
          "mutation($id: ID!) { updateActivity(id: $id, input: {title: {zh: \"剪纸课（二）\"}})"
              + " { activity { id } } }",
          Map.of("id", activityId),
          admin);
      Received updated = receiver.next(30);
      assertEquals("activity.updated", updated.json().getString("type"));
      assertEquals(
          "剪纸课（二）",
          updated
              .json()
              .getJsonObject("data")
              .getJsonObject("activity")
              .getJsonObject("title")
              .getString("zh"));
      assertNotEquals(body.getString("id"), updated.json().getString("id"));

      server.data(
          "mutation($id: ID!) { cancelActivity(id: $id, reason: \"下雪\") { activity { id } } }",
          Map.of("id", activityId),
          admin);
      Received cancelled = receiver.next(30);
      assertEquals("activity.cancelled", cancelled.json().getString("type"));
      assertEquals(
          "CANCELLED",
          cancelled.json().getJsonObject("data").getJsonObject("activity").getString("status"));
      remove(hook);
    }
  }

  @Test
  void bookingEventsCarrySeatsButNoNamePhoneOrTicketCode() {
    try (WebhookReceiver receiver = new WebhookReceiver();
        TestData data = new TestData(server.databaseUrl())) {
      Hooks.Registered hook =
          Hooks.register(
              server,
              admin,
              receiver.url("/bookings"),
              List.of("BOOKING_CONFIRMED", "BOOKING_CANCELLED"));
      OffsetDateTime start = OffsetDateTime.now().plusDays(2);
      long activity = data.activity(point, "A_THEME", "LECTURE", start, start.plusHours(1), 20);
      data.update(
          "WITH b AS (INSERT INTO booking (code, activity_id, status, party_size, name, phone,"
              + " source, confirmed_at) VALUES ('K7M2QX9PHT', ?, 'CONFIRMED', 2, '王小明',"
              + " '13812345678', 'kiosk:lobby-1', now()) RETURNING activity_id, party_size)"
              + " UPDATE activity a SET seats_taken = a.seats_taken + b.party_size FROM b"
              + " WHERE a.id = b.activity_id",
          activity);

      Received confirmed = receiver.next(30);
      assertEquals("booking.confirmed", confirmed.json().getString("type"));
      Hooks.assertSigned(confirmed, hook.secret());
      JsonObject eventData = confirmed.json().getJsonObject("data");
      assertEquals(2, eventData.getJsonObject("booking").getInteger("partySize"));
      assertEquals("CONFIRMED", eventData.getJsonObject("booking").getString("status"));
      assertEquals("kiosk:lobby-1", eventData.getJsonObject("booking").getString("source"));
      assertEquals(18, eventData.getJsonObject("activity").getInteger("seatsLeft"));
      assertEquals(
          GlobalId.of("Activity", activity), eventData.getJsonObject("activity").getString("id"));
      assertNoPersonalData(confirmed.body());

      data.update(
          "WITH b AS (UPDATE booking SET status = 'CANCELLED', cancelled_at = now()"
              + " WHERE code = 'K7M2QX9PHT' RETURNING activity_id, party_size)"
              + " UPDATE activity a SET seats_taken = a.seats_taken - b.party_size FROM b"
              + " WHERE a.id = b.activity_id");
      Received cancelled = receiver.next(30);
      assertEquals("booking.cancelled", cancelled.json().getString("type"));
      assertEquals(
          20,
          cancelled.json().getJsonObject("data").getJsonObject("activity").getInteger("seatsLeft"));
      assertNoPersonalData(cancelled.body());
      assertEquals(0, receiver.waiting(), "the activity's creation was not asked for");
      remove(hook);
    }
  }

  @Test
  void failedDeliveryIsRetriedWithTheSameEventIdUntilItSucceeds() {
    try (WebhookReceiver receiver = new WebhookReceiver().answer(503)) {
      Hooks.Registered hook =
          Hooks.register(server, admin, receiver.url("/flaky"), List.of("ACTIVITY_CREATED"));
      Hooks.createActivity(server, admin, pointId, "太极拳");
      Received first = receiver.next(30);
      receiver.answer(200);
      Received second = receiver.next(30);

      assertEquals(first.header("PracticeMap-Event-Id"), second.header("PracticeMap-Event-Id"));
      assertEquals(first.body(), second.body());
      assertEquals("2", second.header("PracticeMap-Delivery-Attempt"));
      Hooks.assertSigned(second, hook.secret());
      Hooks.eventually(
          "the delivery is DELIVERED",
          () ->
              Hooks.deliveries(server, admin, hook.id())
                  .getJsonObject(0)
                  .getString("status")
                  .equals("DELIVERED"));
      JsonObject delivery = Hooks.deliveries(server, admin, hook.id()).getJsonObject(0);
      assertEquals(2, delivery.getInteger("attempts"));
      assertEquals(200, delivery.getInteger("lastStatusCode"));
      assertNull(delivery.getString("lastError"));
      assertNull(delivery.getString("nextAttemptAt"));
      assertEquals(first.json().getString("id"), delivery.getString("eventId"));
      assertEquals(first.json(), delivery.getJsonObject("payload"));
      JsonArray log = delivery.getJsonArray("attemptLog");
      assertEquals(503, log.getJsonObject(0).getInteger("statusCode"));
      assertEquals("HTTP 503", log.getJsonObject(0).getString("error"));
      assertEquals(200, log.getJsonObject(1).getInteger("statusCode"));
      remove(hook);
    }
  }

  @Test
  void afterTwentyFourHoursADeliveryFailsAndAnAdminCanRetryIt() {
    try (WebhookReceiver receiver = new WebhookReceiver().answer(500);
        TestData data = new TestData(server.databaseUrl())) {
      Hooks.Registered hook =
          Hooks.register(server, admin, receiver.url("/down"), List.of("ACTIVITY_CREATED"));
      Hooks.createActivity(server, admin, pointId, "义诊");
      receiver.next(30);
      data.update(
          "UPDATE webhook_delivery SET give_up_at = now() WHERE endpoint_id = ?",
          GlobalId.decodeLong("id", "WebhookEndpoint", hook.id()));
      Hooks.eventually(
          "the delivery has FAILED",
          () ->
              Hooks.deliveries(server, admin, hook.id())
                  .getJsonObject(0)
                  .getString("status")
                  .equals("FAILED"));
      JsonObject failed = Hooks.deliveries(server, admin, hook.id()).getJsonObject(0);
      assertNull(failed.getString("nextAttemptAt"));
      assertEquals("HTTP 500", failed.getString("lastError"));

      receiver.answer(200);
      JsonObject retried =
          server
              .data(
                  "mutation($id: ID!) { retryWebhookDelivery(id: $id) { delivery { status"
                      + " giveUpAt } } }",
                  Map.of("id", failed.getString("id")),
                  admin)
              .getJsonObject("retryWebhookDelivery")
              .getJsonObject("delivery");
      assertEquals("PENDING", retried.getString("status"));
      Hooks.eventually(
          "the retried delivery is DELIVERED",
          () ->
              Hooks.deliveries(server, admin, hook.id())
                  .getJsonObject(0)
                  .getString("status")
                  .equals("DELIVERED"));
      remove(hook);
    }
  }

  @Test
  void deliveryLogIsForAdminsOnly() {
    try (TestData data = new TestData(server.databaseUrl())) {
      String manager = data.token("MANAGER", point);
      JsonObject response =
          server.graphql("{ webhookDeliveries { totalCount } }", Map.of(), manager);
      assertEquals(
          "FORBIDDEN",
          response
              .getJsonArray("errors")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"));
      JsonObject anonymous = server.graphql("{ webhookEndpoints { id } }");
      assertEquals(
          "UNAUTHENTICATED",
          anonymous
              .getJsonArray("errors")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"));
    }
  }

  @Test
  void deliveryFilterRefusesMalformedIds() {
    JsonObject response =
        server.graphql(
            "{ webhookDeliveries(filter: {eventId: \"nope\"}) { totalCount } }", Map.of(), admin);
    JsonObject error = response.getJsonArray("errors").getJsonObject(0);
    assertEquals("BAD_USER_INPUT", error.getJsonObject("extensions").getString("code"));
    assertEquals("filter.eventId", error.getJsonObject("extensions").getString("field"));
    JsonObject wrongType =
        server.graphql(
            "query($e: ID!) { webhookDeliveries(filter: {endpointId: $e}) { totalCount } }",
            Map.of("e", pointId),
            admin);
    assertEquals(
        "filter.endpointId",
        wrongType
            .getJsonArray("errors")
            .getJsonObject(0)
            .getJsonObject("extensions")
            .getString("field"));
  }

  /** Seats alone make no activity.updated: the next event the receiver sees is the edit. */
  private static void seatsOnlyChange(String activityId) {
    try (TestData data = new TestData(server.databaseUrl())) {
      data.update(
          "UPDATE activity SET seats_taken = 3 WHERE id = ?",
          GlobalId.decodeLong("id", "Activity", activityId));
    }
  }

  private static void assertNoPersonalData(String body) {
    assertFalse(body.contains("王小明"), body);
    assertFalse(body.contains("13812345678"), body);
    assertFalse(body.contains("K7M2QX9PHT"), body);
  }

  private static void remove(Hooks.Registered hook) {
    server.data(
        "mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }",
        Map.of("id", hook.id()),
        admin);
  }
}
