package org.practicemap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** The GraphQL-over-HTTP contract: methods, media types, status codes, error bodies. */
class GraphQLOverHttpTest {
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
  void postWithJsonRunsTheQuery() {
    HttpResponse<String> response =
        post("{\"query\":\"{ themes { code } }\"}", "application/json", null);
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    assertEquals(
        "A_THEME",
        new JsonObject(response.body())
            .getJsonObject("data")
            .getJsonArray("themes")
            .getJsonObject(0)
            .getString("code"));
  }

  @Test
  void getRunsAQueryWithVariables() {
    HttpResponse<String> response =
        get(
            "query="
                + enc("query($c: String!) { theme(code: $c) { code } }")
                + "&variables="
                + enc("{\"c\":\"A_THEME\"}"));
    assertEquals(200, response.statusCode());
    assertEquals(
        "A_THEME",
        new JsonObject(response.body())
            .getJsonObject("data")
            .getJsonObject("theme")
            .getString("code"));
  }

  @Test
  void mutationByGetIsRefusedWith405() {
    HttpResponse<String> response = get("query=" + enc("mutation { anything }"));
    assertEquals(405, response.statusCode());
    assertEquals("POST", response.headers().firstValue("Allow").orElse(null));
    assertEquals(
        "BAD_USER_INPUT",
        new JsonObject(response.body())
            .getJsonArray("errors")
            .getJsonObject(0)
            .getJsonObject("extensions")
            .getString("code"));
  }

  @Test
  void otherMethodsAre405NamingGetAndPostAndRunNothing() {
    for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
      HttpResponse<String> response =
          server.send(
              HttpRequest.newBuilder(URI.create(server.url("/graphql")))
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      HttpRequest.BodyPublishers.ofString("{\"query\":\"{ themes { code } }\"}")));
      assertEquals(405, response.statusCode(), method);
      assertEquals("GET, POST", response.headers().firstValue("Allow").orElse(null), method);
      JsonObject body = new JsonObject(response.body());
      assertFalse(body.containsKey("data"), method + " ran the query: " + body);
      assertEquals(
          "BAD_USER_INPUT",
          body.getJsonArray("errors")
              .getJsonObject(0)
              .getJsonObject("extensions")
              .getString("code"));
    }
  }

  @Test
  void namedMutationInADocumentWithAQueryIsRefusedByGet() {
    String doc = "query A { themes { code } } mutation B { anything }";
    assertEquals(405, get("query=" + enc(doc) + "&operationName=B").statusCode());
    assertEquals(200, get("query=" + enc(doc) + "&operationName=A").statusCode());
  }

  @Test
  void malformedJsonIs400WithAGraphQLShapedBody() {
    HttpResponse<String> response = post("{not json", "application/json", null);
    assertEquals(400, response.statusCode());
    JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
    assertEquals("The request body is not valid JSON.", error.getString("message"));
    assertEquals("BAD_USER_INPUT", error.getJsonObject("extensions").getString("code"));
  }

  @Test
  void missingQueryIs400() {
    assertEquals(400, post("{\"variables\":{}}", "application/json", null).statusCode());
    assertEquals(400, get("operationName=x").statusCode());
    assertEquals(400, post("[]", "application/json", null).statusCode());
    assertEquals(400, post("{\"query\": 5}", "application/json", null).statusCode());
  }

  @Test
  void otherContentTypesAre415() {
    assertEquals(415, post("{ themes { code } }", "text/plain", null).statusCode());
  }

  @Test
  void graphqlResponseJsonAnswers400ForARequestError() {
    HttpResponse<String> response =
        post("{\"query\":\"{ nope }\"}", "application/json", "application/graphql-response+json");
    assertEquals(400, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/graphql-response+json"));
    JsonObject body = new JsonObject(response.body());
    assertFalse(body.containsKey("data"));
    assertEquals(
        "BAD_USER_INPUT",
        body.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"));
  }

  @Test
  void applicationJsonAnswers200ForTheSameRequestError() {
    HttpResponse<String> response =
        post("{\"query\":\"{ nope }\"}", "application/json", "application/json");
    assertEquals(200, response.statusCode());
  }

  @Test
  void graphqlResponseJsonAnswers200WhenExecutionStarted() {
    HttpResponse<String> response =
        post(
            "{\"query\":\"{ point(id: \\\"bad\\\") { id } }\"}",
            "application/json",
            "application/graphql-response+json");
    assertEquals(200, response.statusCode());
    assertTrue(new JsonObject(response.body()).containsKey("data"));
  }

  @Test
  void unacceptableAcceptIs406() {
    assertEquals(
        406,
        post("{\"query\":\"{ themes { code } }\"}", "application/json", "text/html").statusCode());
  }

  @Test
  void subscriptionOverHttpIsRefused() {
    HttpResponse<String> response =
        post("{\"query\":\"subscription { x }\"}", "application/json", null);
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("WebSocket"));
  }

  @Test
  void bodyOverOneMegabyteIs413() {
    String big =
        "{\"query\":\"{ themes { code } }\",\"variables\":{\"x\":\""
            + "a".repeat(1_100_000)
            + "\"}}";
    HttpResponse<String> response = post(big, "application/json", null);
    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("errors"));
  }

  @Test
  void unknownPathIs404WithJson() {
    HttpResponse<String> response = server.get("/no/such/page");
    assertEquals(404, response.statusCode());
    JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
    assertEquals("NOT_FOUND", error.getJsonObject("extensions").getString("code"), error.encode());
    assertTrue(error.getString("message").contains("/no/such/page"), error.encode());
  }

  @Test
  void graphiqlIsServed() {
    HttpResponse<String> response = server.get("/graphiql/");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("GraphiQL"));
  }

  @Test
  void healthIsUpWhileTheDatabaseAnswers() {
    HttpResponse<String> response = server.get("/health");
    assertEquals(200, response.statusCode());
    assertEquals("UP", new JsonObject(response.body()).getString("status"));
  }

  private static HttpResponse<String> get(String params) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/graphql?" + params))).GET());
  }

  private static HttpResponse<String> post(String body, String contentType, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return server.send(request);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
