package org.practicemap.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.Errors;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** Registering, changing and removing endpoints: ADMIN only, every input checked, audited. */
class WebhookEndpointMutationsTest {
  static final String CREATE =
      "mutation($in: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $in) { secret"
          + " endpoint { id url events description enabled pendingDeliveries createdBy } } }";
  static final String UPDATE =
      "mutation($id: ID!, $in: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id,"
          + " input: $in) { secret endpoint { id url events description enabled } } }";
  static final String DELETE =
      "mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }";

  static TestServer server;
  static String admin;
  static String manager;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      long center = data.point(null, "CENTER", "中心", 43.6, 122.2, true);
      admin = data.token("ADMIN", null);
      manager = data.token("MANAGER", center);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void adminRegistersAnEndpointAndGetsARandomSecretOnce() {
    JsonObject payload =
        create(
            Map.of(
                "url", " https://city.example.cn/hooks/practice-map ",
                "events", List.of("ACTIVITY_CREATED", "BOOKING_CONFIRMED", "ACTIVITY_CREATED"),
                "description", "城市 App"));
    String secret = payload.getString("secret");
    assertTrue(secret.matches("whsec_[A-Za-z0-9_-]{43}"), secret);
    JsonObject endpoint = payload.getJsonObject("endpoint");
    assertEquals("https://city.example.cn/hooks/practice-map", endpoint.getString("url"));
    assertEquals(
        new JsonArray(List.of("ACTIVITY_CREATED", "BOOKING_CONFIRMED")),
        endpoint.getJsonArray("events"));
    assertTrue(endpoint.getBoolean("enabled"));
    assertEquals(0, endpoint.getInteger("pendingDeliveries"));
    assertTrue(endpoint.getString("createdBy").startsWith("token:"));
    String another =
        create(Map.of("url", "https://a.example.cn/", "events", List.of("BOOKING_CANCELLED")))
            .getString("secret");
    assertNotEquals(secret, another);

    JsonObject audit =
        server.data(
            "query($id: ID!) { auditLog(filter: {targetId: $id}) { edges { node { action"
                + " after } } } }",
            Map.of("id", endpoint.getString("id")),
            admin);
    String entry = audit.encode();
    assertTrue(entry.contains("createWebhookEndpoint"), entry);
    assertTrue(entry.contains("city.example.cn"), entry);
    assertFalse(entry.contains(secret), "the audit log never holds the secret");
  }

  @Test
  void anOwnSecretIsKeptAndRotatingMakesANewOne() {
    String own = "my-own-secret-of-enough-length-42";
    JsonObject payload =
        create(
            Map.of(
                "url",
                "http://10.0.0.7:8080/in",
                "events",
                List.of("ACTIVITY_UPDATED"),
                "secret",
                own));
    assertEquals(own, payload.getString("secret"));
    String id = payload.getJsonObject("endpoint").getString("id");

    JsonObject rotated = update(id, Map.of("rotateSecret", true));
    assertNotEquals(own, rotated.getString("secret"));
    assertTrue(rotated.getString("secret").startsWith("whsec_"));
    JsonObject unchanged = update(id, Map.of("enabled", false));
    assertNull(unchanged.getString("secret"));
    assertFalse(unchanged.getJsonObject("endpoint").getBoolean("enabled"));
    assertEquals("http://10.0.0.7:8080/in", unchanged.getJsonObject("endpoint").getString("url"));
  }

  @Test
  void updateChangesOnlyWhatIsGivenAndNullClearsTheDescription() {
    String id =
        create(
                Map.of(
                    "url",
                    "https://b.example.cn/x",
                    "events",
                    List.of("ACTIVITY_CREATED"),
                    "description",
                    "旧"))
            .getJsonObject("endpoint")
            .getString("id");
    JsonObject endpoint =
        update(id, Map.of("url", "https://b.example.cn/y", "events", List.of("BOOKING_CANCELLED")))
            .getJsonObject("endpoint");
    assertEquals("https://b.example.cn/y", endpoint.getString("url"));
    assertEquals(new JsonArray(List.of("BOOKING_CANCELLED")), endpoint.getJsonArray("events"));
    assertEquals("旧", endpoint.getString("description"));
    Map<String, Object> clear = new HashMap<>();
    clear.put("description", null);
    assertNull(update(id, clear).getJsonObject("endpoint").getString("description"));
  }

  @Test
  void deletedEndpointIsGoneAndDeletingAgainIsNotFound() {
    String id =
        create(Map.of("url", "https://c.example.cn/", "events", List.of("ACTIVITY_CREATED")))
            .getJsonObject("endpoint")
            .getString("id");
    assertEquals(
        id,
        server
            .data(DELETE, Map.of("id", id), admin)
            .getJsonObject("deleteWebhookEndpoint")
            .getString("deletedId"));
    Errors.single(server.graphql(DELETE, Map.of("id", id), admin), "NOT_FOUND");
    Errors.single(
        server.graphql(UPDATE, Map.of("id", id, "in", Map.of("enabled", true)), admin),
        "NOT_FOUND");
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertRefused(
        Map.of("url", "ftp://files.example.cn/", "events", List.of("ACTIVITY_CREATED")),
        "input.url");
    assertRefused(Map.of("url", "https://", "events", List.of("ACTIVITY_CREATED")), "input.url");
    assertRefused(
        Map.of("url", "not a url at all", "events", List.of("ACTIVITY_CREATED")), "input.url");
    assertRefused(
        Map.of("url", "https://user:pw@example.cn/", "events", List.of("ACTIVITY_CREATED")),
        "input.url");
    assertRefused(
        Map.of("url", "https://example.cn/#x", "events", List.of("ACTIVITY_CREATED")), "input.url");
    assertRefused(
        Map.of(
            "url", "https://example.cn/" + "a".repeat(2000), "events", List.of("ACTIVITY_CREATED")),
        "input.url");
    assertRefused(Map.of("url", "https://example.cn/", "events", List.of()), "input.events");
    assertRefused(
        Map.of(
            "url", "https://example.cn/", "events", List.of("ACTIVITY_CREATED"), "secret", "short"),
        "input.secret");
    assertRefused(
        Map.of(
            "url", "https://example.cn/",
            "events", List.of("ACTIVITY_CREATED"),
            "secret", "has spaces in it but is long enough"),
        "input.secret");
    assertRefused(
        Map.of(
            "url", "https://example.cn/",
            "events", List.of("ACTIVITY_CREATED"),
            "description", "长".repeat(501)),
        "input.description");
    JsonObject both =
        server.graphql(
            UPDATE,
            Map.of(
                "id", GlobalId.of("WebhookEndpoint", 1),
                "in", Map.of("rotateSecret", true, "secret", "another-secret-of-enough-length")),
            admin);
    assertEquals("input.rotateSecret", field(Errors.single(both, "BAD_USER_INPUT")));
    JsonObject wrongId = server.graphql(DELETE, Map.of("id", GlobalId.of("Point", 1)), admin);
    assertEquals("id", field(Errors.single(wrongId, "BAD_USER_INPUT")));
    Errors.single(server.graphql(DELETE, Map.of("id", "%%%"), admin), "BAD_USER_INPUT");
  }

  @Test
  void onlyAnAdminMayManageEndpoints() {
    Map<String, Object> input =
        Map.of("in", Map.of("url", "https://d.example.cn/", "events", List.of("ACTIVITY_CREATED")));
    Errors.single(server.graphql(CREATE, input, manager), "FORBIDDEN");
    Errors.single(server.graphql(CREATE, input), "UNAUTHENTICATED");
    Errors.single(
        server.graphql(DELETE, Map.of("id", GlobalId.of("WebhookEndpoint", 1)), manager),
        "FORBIDDEN");
  }

  @Test
  void retryingAnUnknownDeliveryIsNotFound() {
    Errors.single(
        server.graphql(
            "mutation($id: ID!) { retryWebhookDelivery(id: $id) { delivery { id } } }",
            Map.of("id", GlobalId.of("WebhookDelivery", 999999)),
            admin),
        "NOT_FOUND");
  }

  @Test
  void theNumberOfEndpointsIsCapped() {
    try (TestData data = new TestData(server.databaseUrl())) {
      int existing = (int) data.queryLong("SELECT count(*) FROM webhook_endpoint");
      for (int i = existing; i < WebhookRepository.MAX_ENDPOINTS; i++) {
        data.update(
            "INSERT INTO webhook_endpoint (url, secret, event_types, created_by)"
                + " VALUES ('https://e.example.cn/', 'x-secret-of-at-least-24-chars', '{activity.created}', 'test')");
      }
      JsonObject refused =
          server.graphql(
              CREATE,
              Map.of(
                  "in",
                  Map.of("url", "https://f.example.cn/", "events", List.of("ACTIVITY_CREATED"))),
              admin);
      assertTrue(
          Errors.single(refused, "CONFLICT").getString("message").contains("100"),
          refused.encode());
      data.update("DELETE FROM webhook_endpoint WHERE created_by = 'test'");
    }
  }

  private static JsonObject create(Map<String, Object> input) {
    return server.data(CREATE, Map.of("in", input), admin).getJsonObject("createWebhookEndpoint");
  }

  private static JsonObject update(String id, Map<String, Object> input) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("id", id);
    variables.put("in", input);
    return server.data(UPDATE, variables, admin).getJsonObject("updateWebhookEndpoint");
  }

  private static void assertRefused(Map<String, Object> input, String field) {
    JsonObject response = server.graphql(CREATE, Map.of("in", input), admin);
    assertEquals(field, field(Errors.single(response, "BAD_USER_INPUT")), response.encode());
    assertFalse(response.encode().contains("java."), response.encode());
  }

  private static String field(JsonObject error) {
    return error.getJsonObject("extensions").getString("field");
  }
}
