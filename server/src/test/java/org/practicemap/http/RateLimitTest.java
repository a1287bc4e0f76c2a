package org.practicemap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** The per-IP rate limit on /graphql: 429, Retry-After, RATE_LIMITED; off with 0. */
class RateLimitTest {

  static HttpResponse<String> query(TestServer server, String forwardedFor) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ themes { code } }\"}"));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return server.send(request);
  }

  @Test
  void aClientOverItsRateGets429WithRetryAfterAndAGraphQLError() {
    try (TestServer server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of("RATE_LIMIT_PER_IP_MINUTE", "3", "DEMO_DATA", "false"))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, query(server, null).statusCode());
      }
      HttpResponse<String> refused = query(server, null);
      assertEquals(429, refused.statusCode());
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
      JsonObject error = new JsonObject(refused.body()).getJsonArray("errors").getJsonObject(0);
      assertEquals("RATE_LIMITED", error.getJsonObject("extensions").getString("code"));
      assertTrue(
          error.getString("message").contains("at most 3 a minute"), error.getString("message"));
      // A forged X-Forwarded-For from an untrusted peer changes nothing.
      assertEquals(429, query(server, "203.0.113.9").statusCode());
    }
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() {
    try (TestServer server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of(
                "RATE_LIMIT_PER_IP_MINUTE",
                "2",
                "TRUSTED_PROXIES",
                "127.0.0.1,::1",
                "DEMO_DATA",
                "false"))) {
      assertEquals(200, query(server, "198.51.100.1").statusCode());
      assertEquals(200, query(server, "198.51.100.1").statusCode());
      assertEquals(429, query(server, "198.51.100.1").statusCode());
      assertEquals(200, query(server, "198.51.100.2").statusCode());
      // A client cannot escape by prepending addresses: the hop our proxy saw counts.
      assertEquals(429, query(server, "10.9.9.9, 198.51.100.1").statusCode());
    }
  }

  @Test
  void zeroTurnsTheLimitOff() {
    try (TestServer server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of("RATE_LIMIT_PER_IP_MINUTE", "0", "DEMO_DATA", "false"))) {
      for (int i = 0; i < 30; i++) {
        assertEquals(200, query(server, null).statusCode());
      }
      JsonObject cost =
          new JsonObject(query(server, null).body())
              .getJsonObject("extensions")
              .getJsonObject("cost");
      assertTrue(!cost.containsKey("throttleStatus"), cost.encode());
    }
  }
}
