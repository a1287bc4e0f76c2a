package org.practicemap.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicemap.persisted.Apq.byHash;
import static org.practicemap.persisted.Apq.json;
import static org.practicemap.persisted.Apq.withText;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** Apollo's automatic persisted queries over HTTP, in the default (automatic) mode. */
class AutomaticPersistedQueriesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void unknownHashAsksForTheText() {
    HttpResponse<String> response =
        byHash(server, Sha256.hex("{ themes { code } } # unknown"), null);
    assertEquals(200, response.statusCode());
    JsonObject error = Errors.single(json(response), "PERSISTED_QUERY_NOT_FOUND");
    assertEquals("PersistedQueryNotFound", error.getString("message"));
  }

  @Test
  void hashWithTextRunsAndRegistersSoTheHashAloneRunsNext() {
    String query = "{ themes { code name } } # registers";
    JsonObject first = json(withText(server, query, null));
    assertEquals(
        "A_THEME",
        first.getJsonObject("data").getJsonArray("themes").getJsonObject(0).getString("code"));
    JsonObject second = json(byHash(server, Sha256.hex(query), null));
    assertNull(second.getJsonArray("errors"));
    assertEquals(
        "主题A_THEME",
        second.getJsonObject("data").getJsonArray("themes").getJsonObject(0).getString("name"));
  }

  @Test
  void upperCaseHashFindsTheSameQuery() {
    String query = "{ themes { color } } # case";
    withText(server, query, null);
    JsonObject response = json(byHash(server, Sha256.hex(query).toUpperCase(), null));
    assertNull(response.getJsonArray("errors"));
  }

  @Test
  void hashThatIsNotTheTextsIsRefusedAndNothingIsRegistered() {
    String hash = Sha256.hex("{ themes { icon } } # claimed");
    JsonObject body =
        new JsonObject().put("query", "{ themes { code } }").put("extensions", Apq.extension(hash));
    JsonObject error = Errors.single(json(Apq.post(server, body, null)), "BAD_USER_INPUT");
    assertTrue(error.getString("message").contains("not the SHA-256"), error.encode());
    Errors.single(json(byHash(server, hash, null)), "PERSISTED_QUERY_NOT_FOUND");
  }

  @Test
  void malformedPersistedQueryExtensionIsBadInputNeverA500() {
    for (Object extension :
        new Object[] {
          "abc",
          new JsonObject().put("version", 2).put("sha256Hash", Sha256.hex("x")),
          new JsonObject().put("version", 1).put("sha256Hash", "not-a-hash"),
          new JsonObject().put("version", 1).put("sha256Hash", 12),
          new JsonObject().put("version", 1)
        }) {
      JsonObject body =
          new JsonObject().put("extensions", new JsonObject().put("persistedQuery", extension));
      HttpResponse<String> response = Apq.post(server, body, null);
      assertEquals(200, response.statusCode(), response.body());
      JsonObject error = Errors.single(json(response), "BAD_USER_INPUT");
      assertTrue(error.getString("message").contains("sha256Hash"), error.encode());
    }
  }

  @Test
  void bodyWithNeitherQueryNorPersistedQueryIs400() {
    HttpResponse<String> response =
        Apq.post(server, new JsonObject().put("extensions", new JsonObject()), null);
    assertEquals(400, response.statusCode());
    Errors.single(json(response), "BAD_USER_INPUT");
  }

  @Test
  void theClientsQueriesRunByHashWithoutEverBeingSent() {
    String query = Apq.clientQuery("queries/network-counts.graphql");
    JsonObject response = json(byHash(server, Sha256.hex(query), null));
    assertNull(response.getJsonArray("errors"), response.encode());
    assertEquals(
        0, response.getJsonObject("data").getJsonObject("points").getInteger("totalCount"));
  }

  @Test
  void getByHashRunsAQuery() {
    String query = "{ themes { code } } # by GET";
    withText(server, query, null);
    HttpResponse<String> response = Apq.getByHash(server, Sha256.hex(query));
    assertEquals(200, response.statusCode());
    assertFalse(json(response).containsKey("errors"), response.body());
  }

  @Test
  void mutationRegisteredByPostIsRefusedByGetWithItsHashAlone() {
    String mutation = "mutation { revokeApiToken(id: \"QXBpVG9rZW46MQ\") { apiToken { id } } }";
    Errors.single(json(withText(server, mutation, null)), "UNAUTHENTICATED");
    HttpResponse<String> response = Apq.getByHash(server, Sha256.hex(mutation));
    assertEquals(405, response.statusCode());
    JsonObject error = Errors.single(json(response), "BAD_USER_INPUT");
    assertEquals("Mutations must be sent with POST, not GET.", error.getString("message"));
  }

  @Test
  void subscriptionOverHttpIs400WhateverItsFields() {
    HttpResponse<String> response =
        Apq.post(server, new JsonObject().put("query", "subscription { anything }"), null);
    assertEquals(400, response.statusCode());
    assertTrue(
        Errors.single(json(response), "BAD_USER_INPUT").getString("message").contains("WebSocket"));
  }
}
