package org.practicemap.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.practicemap.graphql.ErrorCode;

/**
 * A request the server refuses before running it, answered with a 4xx status and a GraphQL-shaped
 * body: {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}.
 */
public final class HttpError extends RuntimeException {
  private final int status;
  private final ErrorCode code;

  public HttpError(int status, ErrorCode code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static HttpError badRequest(String message) {
    return new HttpError(400, ErrorCode.BAD_USER_INPUT, message);
  }

  /**
   * The code that goes with a status when nothing more specific is known, so that every route —
   * GraphQL, calendar feeds, QR codes, GeoJSON, reports, metrics — refuses in one shape.
   */
  public static ErrorCode codeFor(int status) {
    return switch (status) {
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 409 -> ErrorCode.CONFLICT;
      case 429 -> ErrorCode.RATE_LIMITED;
      default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_USER_INPUT;
    };
  }

  public int status() {
    return status;
  }

  /** Writes this error as the response. */
  public void send(HttpServerResponse response) {
    send(response, status, code, getMessage());
  }

  public static void send(HttpServerResponse response, int status, ErrorCode code, String message) {
    JsonObject error =
        new JsonObject()
            .put("message", message)
            .put("extensions", new JsonObject().put("code", code.name()));
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(new JsonObject().put("errors", new JsonArray().add(error)).toBuffer());
  }
}
