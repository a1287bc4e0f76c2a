package org.practicemap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * CORS on the public endpoints: browser apps on other origins may call /graphql and read /qr, /geo
 * and /ics; a configured list lets only its origins in; never with credentials.
 */
class CorsTest {
  static final String APP = "https://app.example.org";
  static TestServer open;
  static TestServer listed;
  static TestServer off;

  @BeforeAll
  static void start() {
    open = TestServer.start(TestPostgres.newEmptyDatabase(), Map.of("DEMO_DATA", "false"));
    listed =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of("DEMO_DATA", "false", "CORS_ORIGINS", APP + ", http://localhost:3000"));
    off =
        TestServer.start(
            TestPostgres.newEmptyDatabase(), Map.of("DEMO_DATA", "false", "CORS_ORIGINS", ""));
  }

  @AfterAll
  static void stop() {
    open.close();
    listed.close();
    off.close();
  }

  private static HttpResponse<String> preflight(TestServer server, String path, String origin) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type, authorization"));
  }

  private static HttpResponse<String> post(TestServer server, String origin) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Origin", origin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void aPreflightFromAnyOriginIsAllowedForPostWithTheTokenHeader() {
    HttpResponse<String> response = preflight(open, "/graphql", APP);
    assertEquals(204, response.statusCode(), response.body());
    assertEquals("*", header(response, "Access-Control-Allow-Origin"));
    String methods = header(response, "Access-Control-Allow-Methods");
    assertTrue(methods.contains("POST") && methods.contains("GET"), methods);
    String headers = header(response, "Access-Control-Allow-Headers").toLowerCase();
    assertTrue(headers.contains("authorization") && headers.contains("content-type"), headers);
    assertEquals(null, header(response, "Access-Control-Allow-Credentials"));
  }

  @Test
  void aSimpleRequestFromAnyOriginCarriesAllowOriginStar() {
    HttpResponse<String> response = post(open, "https://elsewhere.example.net");
    assertEquals(200, response.statusCode());
    assertEquals("*", header(response, "Access-Control-Allow-Origin"));
    assertTrue(response.body().contains("\"__typename\":\"Query\""), response.body());
    HttpResponse<String> geo =
        open.send(
            HttpRequest.newBuilder(URI.create(open.url("/geo/points.geojson")))
                .header("Origin", APP));
    assertEquals(200, geo.statusCode());
    assertEquals("*", header(geo, "Access-Control-Allow-Origin"));
  }

  @Test
  void aListedOriginIsEchoedAndAnotherIsRefused() {
    HttpResponse<String> allowed = preflight(listed, "/graphql", APP);
    assertEquals(204, allowed.statusCode());
    assertEquals(APP, header(allowed, "Access-Control-Allow-Origin"));
    assertEquals(APP, header(post(listed, APP), "Access-Control-Allow-Origin"));

    HttpResponse<String> refused = preflight(listed, "/graphql", "https://evil.example.com");
    assertFalse(
        "https://evil.example.com".equals(header(refused, "Access-Control-Allow-Origin")),
        refused.headers().toString());
    assertFalse("*".equals(header(refused, "Access-Control-Allow-Origin")));
    HttpResponse<String> refusedPost = post(listed, "https://evil.example.com");
    assertEquals(null, header(refusedPost, "Access-Control-Allow-Origin"));
    assertEquals(403, refusedPost.statusCode());
    assertTrue(refusedPost.body().contains("\"FORBIDDEN\""), refusedPost.body());
    assertTrue(refusedPost.body().contains("CORS_ORIGINS"), refusedPost.body());
  }

  @Test
  void theServersOwnPagesStillPostWhenOtherOriginsAreListed() {
    URI page = URI.create(listed.url("/kiosk/"));
    String own = page.getScheme() + "://" + page.getRawAuthority();
    HttpResponse<String> response = post(listed, own);
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void emptyTurnsCorsOff() {
    HttpResponse<String> response = post(off, APP);
    assertEquals(null, header(response, "Access-Control-Allow-Origin"));
  }

  @Test
  void theReadOnlyEndpointsAnswerPreflightsToo() {
    HttpResponse<String> response = preflight(open, "/ics/themes/NONE.ics", APP);
    assertEquals("*", header(response, "Access-Control-Allow-Origin"));
  }
}
