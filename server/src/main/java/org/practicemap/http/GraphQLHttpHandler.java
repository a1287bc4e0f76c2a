package org.practicemap.http;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.practicemap.cache.ResponseCache;
import org.practicemap.cache.ResponseScope;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.graphql.QueryLimits;
import org.practicemap.graphql.RequestContext;
import org.practicemap.graphql.TransportRules;

/**
 * {@code /graphql} over HTTP, as the GraphQL-over-HTTP specification says: queries by GET or POST,
 * mutations by POST only (a GET that would change data is refused with 405, so a link or an image
 * tag can never book a seat), JSON bodies only, status codes and media types by the Accept header.
 * Subscriptions go over the WebSocket on the same path.
 */
final class GraphQLHttpHandler implements Handler<RoutingContext> {
  private final GraphQL graphQL;
  private final GraphQLFactory factory;
  private final Function<RoutingContext, Future<RequestContext>> requestContext;
  private final CachedAnswers cached;

  GraphQLHttpHandler(
      GraphQL graphQL,
      GraphQLFactory factory,
      Function<RoutingContext, Future<RequestContext>> requestContext,
      ResponseCache cache) {
    this.graphQL = graphQL;
    this.factory = factory;
    this.requestContext = requestContext;
    this.cached = new CachedAnswers(cache);
  }

  @Override
  public void handle(RoutingContext rc) {
    try {
      HttpMethod method = rc.request().method();
      if (method != HttpMethod.GET && method != HttpMethod.POST) {
        // RFC 9110: a 405 names the methods that are allowed.
        rc.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
        throw new HttpError(
            405,
            ErrorCode.BAD_USER_INPUT,
            "Send GraphQL requests to /graphql with GET (queries only) or POST.");
      }
      ResponseType type = ResponseType.negotiate(rc.request().getHeader(HttpHeaders.ACCEPT));
      if (type == null) {
        throw new HttpError(
            406,
            ErrorCode.BAD_USER_INPUT,
            "Accept application/graphql-response+json or application/json.");
      }
      requireJsonBody(rc);
      // A kept answer skips parsing and execution; the ticket is taken before anything is read.
      String key = cached.keyOf(rc);
      if (key != null && cached.sendIfKept(rc, type, key)) {
        return;
      }
      long ticket = key == null ? 0 : cached.ticket();
      ResponseScope scope = cached.scopeFor(key);
      GraphQLRequest request = read(rc).requireQuery();
      requestContext
          .apply(rc)
          .map(context -> input(request, context, rc, scope))
          .compose(
              input ->
                  execute(input, rc)
                      .onSuccess(
                          result -> {
                            boolean refused =
                                input.getGraphQLContext().get(TransportRules.REFUSAL_STATUS)
                                    != null;
                            if (scope == null
                                || refused
                                || !cached.keepAndSend(rc, type, key, ticket, scope, result)) {
                              send(rc, type, input, result);
                            }
                          }))
          .onFailure(rc::fail);
    } catch (HttpError e) {
      e.send(rc.response());
    }
  }

  private static void requireJsonBody(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.GET) {
      return;
    }
    String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    if (!mediaType.equals("application/json")) {
      throw new HttpError(
          415, ErrorCode.BAD_USER_INPUT, "Send the request as Content-Type: application/json.");
    }
  }

  private static GraphQLRequest read(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.GET) {
      return GraphQLRequest.fromParams(rc.queryParams());
    }
    return GraphQLRequest.fromBody(rc.body().buffer());
  }

  private ExecutionInput input(
      GraphQLRequest request, RequestContext context, RoutingContext rc, ResponseScope scope) {
    Map<Object, Object> entries = graphQLContext(context, rc);
    if (scope != null) {
      entries.put(ResponseScope.class, scope);
    }
    return ExecutionInput.newExecutionInput()
        .query(request.query())
        .operationName(request.operationName())
        .variables(request.variables())
        .extensions(request.extensions())
        .graphQLContext(entries)
        .dataLoaderRegistry(factory.loaders(context))
        .build();
  }

  private Future<ExecutionResult> execute(ExecutionInput input, RoutingContext rc) {
    return Future.fromCompletionStage(graphQL.executeAsync(input), rc.vertx().getOrCreateContext());
  }

  private static Map<Object, Object> graphQLContext(RequestContext context, RoutingContext rc) {
    Map<Object, Object> entries = new HashMap<>();
    entries.put(RequestContext.class, context);
    entries.put(RoutingContext.class, rc);
    entries.put(
        TransportRules.TRANSPORT,
        rc.request().method() == HttpMethod.GET
            ? TransportRules.Transport.HTTP_GET
            : TransportRules.Transport.HTTP_POST);
    Map<String, Object> throttle = throttleStatus(rc);
    if (throttle != null) {
      entries.put(QueryLimits.THROTTLE_STATUS, throttle);
    }
    return entries;
  }

  /** The caller's rate limit status for {@code extensions.cost}, or null when the limit is off. */
  static Map<String, Object> throttleStatus(RoutingContext rc) {
    RateLimiter.Decision decision = rc.get(RateLimitHandler.DECISION);
    if (decision == null) {
      return null;
    }
    Map<String, Object> status = new java.util.LinkedHashMap<>();
    status.put("maximumAvailable", decision.limit());
    status.put("currentlyAvailable", decision.remaining());
    status.put("restoreRate", decision.limit() / 60.0);
    return status;
  }

  /**
   * A refused operation (a mutation by GET, a subscription over HTTP) answers with the status the
   * rules chose; otherwise the media type decides, as the GraphQL-over-HTTP specification says.
   */
  private static void send(
      RoutingContext rc, ResponseType type, ExecutionInput input, ExecutionResult result) {
    Integer refused = input.getGraphQLContext().get(TransportRules.REFUSAL_STATUS);
    int status =
        refused != null
            ? refused
            : type == ResponseType.GRAPHQL_RESPONSE_JSON && !result.isDataPresent() ? 400 : 200;
    if (rc.response().ended()) {
      return;
    }
    if (refused != null && refused == 405) {
      rc.response().putHeader(HttpHeaders.ALLOW, "POST");
    }
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, type.contentType())
        .end(Json.encodeToBuffer(result.toSpecification()));
  }
}
