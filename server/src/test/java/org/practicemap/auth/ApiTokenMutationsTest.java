package org.practicemap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** An ADMIN issues, lists and revokes tokens; nobody else can, and the text is shown once. */
class ApiTokenMutationsTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static String admin, manager;

  static final String CREATE =
      "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {"
          + " token apiToken { id role label status kioskId point { id } expiresAt createdBy } } }";
  static final String REVOKE =
      "mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { id status revokedAt } } }";
  static final String VIEWER = "{ viewer { role kioskId expiresAt point { id } } }";

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    admin = data.token("ADMIN", null);
    manager = data.token("MANAGER", net.north());
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static Map<String, Object> input(String role, Long point) {
    Map<String, Object> input = new HashMap<>();
    input.put("role", role);
    input.put("label", "北街道办公室");
    input.put("days", 7);
    if (point != null) {
      input.put("pointId", Ids.point(point));
    }
    return input;
  }

  @Test
  void anAdminIssuesATokenThatWorksAtOnceAndIsStoredOnlyAsAHash() {
    JsonObject created =
        server
            .data(CREATE, Map.of("input", input("STAFF", net.north())), admin)
            .getJsonObject("createApiToken");
    String token = created.getString("token");
    assertTrue(token.startsWith("pm_"), token);
    JsonObject apiToken = created.getJsonObject("apiToken");
    assertEquals("STAFF", apiToken.getString("role"));
    assertEquals("ACTIVE", apiToken.getString("status"));
    assertEquals(Ids.point(net.north()), apiToken.getJsonObject("point").getString("id"));
    assertTrue(apiToken.getString("createdBy").startsWith("token:"));
    JsonObject viewer = server.data(VIEWER, Map.of(), token).getJsonObject("viewer");
    assertEquals("STAFF", viewer.getString("role"));
    assertEquals(Ids.point(net.north()), viewer.getJsonObject("point").getString("id"));
    assertEquals(apiToken.getString("expiresAt"), viewer.getString("expiresAt"));
    assertEquals(
        0, data.queryLong("SELECT count(*) FROM api_token WHERE label LIKE ?", "%" + token + "%"));
    String audit =
        data.queryString(
            "SELECT after::text FROM audit_log WHERE action = 'createApiToken' ORDER BY id DESC LIMIT 1");
    assertFalse(audit.contains(token), audit);
    assertTrue(audit.contains("STAFF"), audit);
  }

  @Test
  void aPublicViewerHasNoRoleToSpeakOf() {
    JsonObject viewer = server.data(VIEWER, Map.of(), null).getJsonObject("viewer");
    assertEquals("PUBLIC", viewer.getString("role"));
    assertNull(viewer.getValue("point"));
    assertNull(viewer.getValue("expiresAt"));
  }

  @Test
  void onlyAnAdminIssuesListsOrRevokesTokens() {
    Errors.single(
        server.graphql(CREATE, Map.of("input", input("STAFF", net.north())), manager), "FORBIDDEN");
    Errors.single(
        server.graphql(CREATE, Map.of("input", input("STAFF", net.north())), null),
        "UNAUTHENTICATED");
    Errors.single(server.graphql("{ apiTokens { totalCount } }", Map.of(), manager), "FORBIDDEN");
    Errors.single(
        server.graphql("{ apiTokens { totalCount } }", Map.of(), null), "UNAUTHENTICATED");
    Errors.single(
        server.graphql(
            REVOKE, Map.of("id", org.practicemap.graphql.GlobalId.of("ApiToken", 1)), manager),
        "FORBIDDEN");
    Errors.single(
        server.graphql(
            REVOKE, Map.of("id", org.practicemap.graphql.GlobalId.of("ApiToken", 1)), null),
        "UNAUTHENTICATED");
  }

  @Test
  void aKioskTokenHoldsNoManagementRole() {
    String kiosk = data.token("KIOSK", net.north(), "lobby-1", "1 day");
    JsonObject viewer = server.data(VIEWER, Map.of(), kiosk).getJsonObject("viewer");
    assertEquals("KIOSK", viewer.getString("role"));
    assertEquals("lobby-1", viewer.getString("kioskId"));
    Errors.single(
        server.graphql(CREATE, Map.of("input", input("STAFF", net.north())), kiosk), "FORBIDDEN");
    Errors.single(
        server.graphql(
            "mutation($id: ID!) { updatePoint(id: $id, input: {phone: null}) { point { id } } }",
            Map.of("id", Ids.point(net.north())),
            kiosk),
        "FORBIDDEN");
  }

  @Test
  void aKioskTokenForAnUnregisteredKioskIsRefused() {
    Map<String, Object> kiosk = input("KIOSK", null);
    kiosk.put("kioskId", "nowhere-1");
    JsonObject error = assertField(kiosk, "input.kioskId");
    assertTrue(error.getString("message").contains("register it first"), error.encode());
  }

  @Test
  void badTokenRequestsNameTheField() {
    assertField(input("PUBLIC", null), "input.role");
    assertField(input("MANAGER", null), "input.pointId");
    assertField(input("ADMIN", net.north()), "input.pointId");
    assertField(input("KIOSK", net.north()), "input.kioskId");
    Map<String, Object> badKiosk = input("KIOSK", null);
    badKiosk.put("kioskId", "kiosk 1; drop");
    assertField(badKiosk, "input.kioskId");
    Map<String, Object> staffKiosk = input("STAFF", net.north());
    staffKiosk.put("kioskId", "k1");
    assertField(staffKiosk, "input.kioskId");
    Map<String, Object> zeroDays = input("STAFF", net.north());
    zeroDays.put("days", 0);
    assertField(zeroDays, "input.days");
    Map<String, Object> tooLong = input("STAFF", net.north());
    tooLong.put("days", 366);
    assertField(tooLong, "input.days");
    Map<String, Object> noLabel = input("STAFF", net.north());
    noLabel.put("label", " ");
    assertField(noLabel, "input.label");
    assertField(input("STAFF", 999999L), "input.pointId");
  }

  private static JsonObject assertField(Map<String, Object> input, String field) {
    JsonObject error =
        Errors.single(server.graphql(CREATE, Map.of("input", input), admin), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
    return error;
  }

  @Test
  void aRevokedTokenStopsAtOnceOnThisServerAndRevokingAgainChangesNothing() {
    JsonObject created =
        server
            .data(CREATE, Map.of("input", input("MANAGER", net.south())), admin)
            .getJsonObject("createApiToken");
    String token = created.getString("token");
    String id = created.getJsonObject("apiToken").getString("id");
    assertEquals(200, server.post(VIEWER, Map.of(), token).statusCode());
    JsonObject revoked =
        server.data(REVOKE, Map.of("id", id), admin).getJsonObject("revokeApiToken");
    assertEquals("REVOKED", revoked.getJsonObject("apiToken").getString("status"));
    assertEquals(401, server.post(VIEWER, Map.of(), token).statusCode());
    String again =
        server
            .data(REVOKE, Map.of("id", id), admin)
            .getJsonObject("revokeApiToken")
            .getJsonObject("apiToken")
            .getString("revokedAt");
    assertEquals(revoked.getJsonObject("apiToken").getString("revokedAt"), again);
    assertEquals(
        1,
        data.queryLong(
            "SELECT count(*) FROM audit_log WHERE action = 'revokeApiToken' AND target_id = ?",
            id));
    Errors.single(
        server.graphql(
            REVOKE, Map.of("id", org.practicemap.graphql.GlobalId.of("ApiToken", 999999)), admin),
        "NOT_FOUND");
    Errors.single(server.graphql(REVOKE, Map.of("id", Ids.point(1)), admin), "BAD_USER_INPUT");
  }

  @Test
  void theTokenListFiltersAndPagesNewestFirst() {
    server.data(CREATE, Map.of("input", input("STAFF", net.south())), admin);
    try (TestData data = new TestData(server.databaseUrl())) {
      data.kiosk("kiosk-7", net.south());
    }
    Map<String, Object> kiosk = input("KIOSK", net.south());
    kiosk.put("kioskId", "kiosk-7");
    server.data(CREATE, Map.of("input", kiosk), admin);
    JsonObject list =
        server
            .data(
                "query($p: ID) { apiTokens(filter: {pointId: $p, status: ACTIVE}, first: 1) { totalCount"
                    + " edges { node { role kioskId } } pageInfo { hasNextPage endCursor } } }",
                Map.of("p", Ids.point(net.south())),
                admin)
            .getJsonObject("apiTokens");
    assertTrue(list.getInteger("totalCount") >= 2);
    assertEquals(
        "KIOSK",
        list.getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("role"));
    assertTrue(list.getJsonObject("pageInfo").getBoolean("hasNextPage"));
    JsonObject next =
        server
            .data(
                "query($p: ID, $a: String) { apiTokens(filter: {pointId: $p}, first: 1, after: $a) {"
                    + " edges { node { role } } } }",
                Map.of(
                    "p",
                    Ids.point(net.south()),
                    "a",
                    list.getJsonObject("pageInfo").getString("endCursor")),
                admin)
            .getJsonObject("apiTokens");
    assertEquals(
        "STAFF",
        next.getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("role"));
  }
}
