package org.practicemap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** Bearer tokens resolve to a caller; bad ones are refused with 401 before anything runs. */
class TokenAuthenticationTest {
  static TestServer server;
  static String staff, expired, revoked;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      Network net = Network.create(data);
      staff = data.token("STAFF", net.north());
      expired = data.token("STAFF", net.north(), null, "-1 minute");
      revoked = data.token("MANAGER", net.north());
      data.update(
          "UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", Tokens.hash(revoked));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aValidTokenRunsTheQuery() {
    assertEquals(200, query("Bearer " + staff).statusCode());
  }

  @Test
  void noTokenIsAPublicCaller() {
    assertEquals(200, query(null).statusCode());
  }

  @Test
  void unknownExpiredAndRevokedTokensAre401Unauthenticated() {
    for (String token : new String[] {"pm_unknown", expired, revoked}) {
      HttpResponse<String> response = query("Bearer " + token);
      assertEquals(401, response.statusCode(), token);
      assertEquals(
          "UNAUTHENTICATED",
          new JsonObject(response.body())
              .getJsonArray("errors")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"));
    }
  }

  @Test
  void callerScopeCoversItsSubtreeOnly() {
    Caller manager = new Caller(Role.MANAGER, "t", "1.2", null);
    assertEquals(true, manager.covers("1.2"));
    assertEquals(true, manager.covers("1.2.7"));
    assertEquals(false, manager.covers("1.22"));
    assertEquals(false, manager.covers("1"));
    assertEquals(true, new Caller(Role.ADMIN, "t", null, null).covers("1.3"));
    assertEquals(false, new Caller(Role.KIOSK, "t", "1.2", "k").covers("1.2"));
  }

  private static HttpResponse<String> query(String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ themes { code } }\"}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return server.send(request);
  }
}
