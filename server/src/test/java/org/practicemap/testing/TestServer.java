package org.practicemap.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.practicemap.Config;
import org.practicemap.Server;

/**
 * A real server on a free port, over its own copy of the demo database (or an empty one), with a
 * small blocking client for GraphQL and plain HTTP.
 */
public final class TestServer implements AutoCloseable {
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Server server;
  private final String databaseUrl;
  private boolean ownsDatabase;

  private TestServer(Server server, String databaseUrl) {
    this.server = server;
    this.databaseUrl = databaseUrl;
  }

  /** A server over a fresh copy of the demo data, dropped when the server closes. */
  public static TestServer withDemoData() {
    return owning(start(TestPostgres.newDemoDatabase(), Map.of()));
  }

  /** A server over a fresh database with the schema and nothing in it, dropped on close. */
  public static TestServer empty() {
    return owning(start(TestPostgres.newEmptyDatabase(), Map.of("DEMO_DATA", "false")));
  }

  private static TestServer owning(TestServer server) {
    server.ownsDatabase = true;
    return server;
  }

  /**
   * A server over the given database, with extra environment variables. Demo data is off unless
   * {@code env} turns it on: the demo copies have it already, empty ones stay empty.
   */
  public static TestServer start(String databaseUrl, Map<String, String> env) {
    var vars = new java.util.HashMap<>(env);
    vars.put("DATABASE_URL", databaseUrl);
    vars.putIfAbsent("PORT", "0");
    vars.putIfAbsent("DEMO_DATA", "false");
    return new TestServer(Server.start(Config.fromEnv(vars)), databaseUrl);
  }

  public Server server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  public String url(String path) {
    return "http://localhost:" + port() + path;
  }

  /** Runs a GraphQL operation by POST and returns the whole response body. */
  public JsonObject graphql(String query) {
    return graphql(query, Map.of());
  }

  public JsonObject graphql(String query, Map<String, Object> variables) {
    String body = new JsonObject().put("query", query).put("variables", variables).encode();
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(url("/graphql")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  /**
   * Runs a GraphQL operation by POST with {@code Authorization: Bearer <token>} (none when null)
   * and returns the whole response body; fails on a status other than 200.
   */
  public JsonObject graphql(String query, Map<String, Object> variables, String token) {
    HttpResponse<String> response = post(query, variables, token);
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  /** POSTs a GraphQL operation with an optional bearer token and returns the raw response. */
  public HttpResponse<String> post(String query, Map<String, Object> variables, String token) {
    String body = new JsonObject().put("query", query).put("variables", variables).encode();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url("/graphql")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** Like {@link #data(String, Map)}, with a bearer token. */
  public JsonObject data(String query, Map<String, Object> variables, String token) {
    JsonObject response = graphql(query, variables, token);
    if (response.containsKey("errors")) {
      throw new AssertionError(
          "Unexpected errors: " + response.getJsonArray("errors").encodePrettily());
    }
    return response.getJsonObject("data");
  }

  /** Runs a GraphQL operation that must succeed without errors and returns its {@code data}. */
  public JsonObject data(String query, Map<String, Object> variables) {
    JsonObject response = graphql(query, variables);
    if (response.containsKey("errors")) {
      throw new AssertionError(
          "Unexpected errors: " + response.getJsonArray("errors").encodePrettily());
    }
    return response.getJsonObject("data");
  }

  public JsonObject data(String query) {
    return data(query, Map.of());
  }

  /** Sends any request to this server. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  /**
   * Stops the server; a database it was started with ({@link #withDemoData}, {@link #empty}) is
   * dropped, which keeps the suite's disk use flat and its exit quick.
   */
  @Override
  public void close() {
    server.close();
    if (ownsDatabase) {
      TestPostgres.drop(databaseUrl);
    }
  }
}
