package org.practicemap.http;

import graphql.ExecutionResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.cache.ResponseCache;
import org.practicemap.cache.ResponseCache.Cached;
import org.practicemap.cache.ResponseScope;

/**
 * The HTTP side of the {@link ResponseCache}: which requests may be answered from it (no token, a
 * small request; the key is the request exactly as sent), which answers may be kept (every root
 * field declared its circle, no error), and how a kept answer is sent — with the caller's own rate
 * limit status, and {@code X-Response-Cache: hit} or {@code miss} so operators can tell.
 */
final class CachedAnswers {
  static final String HEADER = "X-Response-Cache";

  /** Longer requests are not worth a key (and nobody asking what is near sends them). */
  static final int MAX_KEY_CHARS = 8_192;

  private final ResponseCache cache;

  CachedAnswers(ResponseCache cache) {
    this.cache = cache;
  }

  /**
   * The request's key, or null when it may not be answered from the cache: the cache is off, the
   * caller sent a token (answers may then differ per caller), or the request is long.
   */
  String keyOf(RoutingContext rc) {
    if (!cache.enabled() || rc.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return null;
    }
    String request;
    if (rc.request().method() == HttpMethod.GET) {
      request = "GET " + rc.request().query();
    } else {
      Buffer body = rc.body().buffer();
      request = body == null || body.length() > MAX_KEY_CHARS ? null : "POST " + body;
    }
    return request == null || request.length() > MAX_KEY_CHARS ? null : request;
  }

  /** Taken before a request reads anything (see {@link ResponseCache#ticket}). */
  long ticket() {
    return cache.ticket();
  }

  /** Sends the kept answer to {@code key}; false when there is none. */
  boolean sendIfKept(RoutingContext rc, ResponseType type, String key) {
    Cached kept = cache.get(key);
    if (kept == null) {
      return false;
    }
    send(rc, type, kept, "hit");
    return true;
  }

  /**
   * A new scope for a request with a key (its root fields declare their circles in it), else null.
   */
  ResponseScope scopeFor(String key) {
    return key == null ? null : new ResponseScope();
  }

  /**
   * Keeps {@code result} when it may be, then sends it; returns false (and sends nothing) when the
   * result is not one to keep, for the caller to send as usual.
   */
  boolean keepAndSend(
      RoutingContext rc,
      ResponseType type,
      String key,
      long ticket,
      ResponseScope scope,
      ExecutionResult result) {
    List<ResponseScope.Area> areas = scope.areas();
    if (!(result.getData() instanceof Map<?, ?> data)
        || !result.getErrors().isEmpty()
        || data.isEmpty()
        || areas.size() != data.size()) {
      return false;
    }
    Cached answer = new Cached(Json.encodeToBuffer(data), withoutThrottle(result.getExtensions()));
    cache.put(key, ticket, areas, answer);
    send(rc, type, answer, "miss");
    return true;
  }

  private static void send(RoutingContext rc, ResponseType type, Cached answer, String outcome) {
    if (rc.response().ended()) {
      return; // the request timed out meanwhile
    }
    Buffer body =
        Buffer.buffer(answer.data().length() + 256)
            .appendString("{\"data\":")
            .appendBuffer(answer.data());
    Map<Object, Object> extensions = withThrottle(answer.extensions(), rc);
    if (!extensions.isEmpty()) {
      body.appendString(",\"extensions\":").appendBuffer(Json.encodeToBuffer(extensions));
    }
    body.appendString("}");
    rc.response()
        .setStatusCode(200)
        .putHeader(HttpHeaders.CONTENT_TYPE, type.contentType())
        .putHeader(HEADER, outcome)
        .end(body);
  }

  /** The extensions as kept: every caller's own throttle status is put back when sent. */
  private static Map<String, Object> withoutThrottle(Map<Object, Object> extensions) {
    Map<String, Object> kept = new LinkedHashMap<>();
    if (extensions != null) {
      extensions.forEach(
          (name, value) -> {
            if (name.equals("cost") && value instanceof Map<?, ?> cost) {
              Map<Object, Object> copy = new LinkedHashMap<>(cost);
              copy.remove("throttleStatus");
              value = Collections.unmodifiableMap(copy);
            }
            kept.put(name.toString(), value);
          });
    }
    return Collections.unmodifiableMap(kept);
  }

  private static Map<Object, Object> withThrottle(Map<String, Object> kept, RoutingContext rc) {
    Map<Object, Object> extensions = new LinkedHashMap<>(kept);
    Map<String, Object> throttle = GraphQLHttpHandler.throttleStatus(rc);
    if (throttle != null && kept.get("cost") instanceof Map<?, ?> cost) {
      Map<Object, Object> withThrottle = new LinkedHashMap<>(cost);
      withThrottle.put("throttleStatus", throttle);
      extensions.put("cost", withThrottle);
    }
    return extensions;
  }
}
