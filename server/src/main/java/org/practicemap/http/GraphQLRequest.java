package org.practicemap.http;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A GraphQL-over-HTTP request, read from GET parameters or a JSON POST body. Reading fails with a
 * {@link HttpError} that says what is wrong with the request.
 */
public record GraphQLRequest(
    String query,
    String operationName,
    Map<String, Object> variables,
    Map<String, Object> extensions) {

  static GraphQLRequest fromParams(MultiMap params) {
    return new GraphQLRequest(
        params.get("query"),
        emptyToNull(params.get("operationName")),
        jsonParam(params.get("variables"), "variables"),
        jsonParam(params.get("extensions"), "extensions"));
  }

  static GraphQLRequest fromBody(Buffer body) {
    if (body == null || body.length() == 0) {
      throw HttpError.badRequest("The request body is empty; send {\"query\": \"…\"}.");
    }
    Object parsed;
    try {
      parsed = body.toJsonValue();
    } catch (DecodeException e) {
      throw HttpError.badRequest("The request body is not valid JSON.");
    }
    if (!(parsed instanceof JsonObject json)) {
      throw HttpError.badRequest("The request body must be a JSON object with a \"query\".");
    }
    return fromJson(json);
  }

  /** Reads a request object, e.g. the payload of a WebSocket {@code subscribe} message. */
  public static GraphQLRequest fromJson(JsonObject json) {
    return new GraphQLRequest(
        string(json, "query"),
        emptyToNull(string(json, "operationName")),
        object(json, "variables"),
        object(json, "extensions"));
  }

  /**
   * The request with a query to run: its own, or — for a persisted query sent by its hash alone —
   * graphql-java's marker, which the persisted query support replaces with the stored document.
   */
  public GraphQLRequest requireQuery() {
    if (query != null && !query.isBlank()) {
      return this;
    }
    if (extensions.containsKey("persistedQuery")) {
      return new GraphQLRequest(
          PersistedQuerySupport.PERSISTED_QUERY_MARKER, operationName, variables, extensions);
    }
    throw HttpError.badRequest(
        "The request has no GraphQL query (\"query\" is missing, and so is"
            + " extensions.persistedQuery).");
  }

  private static String string(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw HttpError.badRequest("\"" + key + "\" must be a string.");
    }
    return (String) value;
  }

  private static Map<String, Object> object(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject object)) {
      throw HttpError.badRequest("\"" + key + "\" must be a JSON object.");
    }
    return object.getMap();
  }

  private static Map<String, Object> jsonParam(String value, String name) {
    if (value == null || value.isBlank()) {
      return Map.of();
    }
    try {
      return new JsonObject(value).getMap();
    } catch (DecodeException | ClassCastException e) {
      throw HttpError.badRequest("The \"" + name + "\" parameter must be a JSON object.");
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
