package org.practicemap.persisted;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.practicemap.testing.TestServer;

/** Sends persisted-query requests the way Apollo clients do. */
final class Apq {
  private Apq() {}

  static JsonObject extension(String hash) {
    return new JsonObject()
        .put("persistedQuery", new JsonObject().put("version", 1).put("sha256Hash", hash));
  }

  /** POSTs the hash alone. */
  static HttpResponse<String> byHash(TestServer server, String hash, String token) {
    return post(server, new JsonObject().put("extensions", extension(hash)), token);
  }

  /** POSTs the hash with the query's text. */
  static HttpResponse<String> withText(TestServer server, String query, String token) {
    return post(
        server,
        new JsonObject().put("query", query).put("extensions", extension(Sha256.hex(query))),
        token);
  }

  static HttpResponse<String> post(TestServer server, JsonObject body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return server.send(request);
  }

  /** GETs the hash alone, as a CDN-cacheable URL. */
  static HttpResponse<String> getByHash(TestServer server, String hash) {
    String extensions = URLEncoder.encode(extension(hash).encode(), StandardCharsets.UTF_8);
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url("/graphql?extensions=" + extensions))).GET());
  }

  static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }

  /** The text of a client query as the jar ships it (the test runs in server/). */
  static String clientQuery(String path) {
    try {
      return Files.readString(Path.of("..", "kiosk", path), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
