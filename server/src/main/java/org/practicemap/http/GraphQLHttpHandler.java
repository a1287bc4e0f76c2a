package org.practicemap.http;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.graphql.QueryLimits;
import org.practicemap.graphql.RequestContext;

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

  GraphQLHttpHandler(
      GraphQL graphQL,
      GraphQLFactory factory,
      Function<RoutingContext, Future<RequestContext>> requestContext) {
    this.graphQL = graphQL;
    this.factory = factory;
    this.requestContext = requestContext;
  }

  @Override
  public void handle(RoutingContext rc) {
    try {
      ResponseType type = ResponseType.negotiate(rc.request().getHeader(HttpHeaders.ACCEPT));
      if (type == null) {
        throw new HttpError(
            406,
            ErrorCode.BAD_USER_INPUT,
            "Accept application/graphql-response+json or application/json.");
      }
      GraphQLRequest request = read(rc).requireQuery();
      checkOperation(rc.request().method(), request, factory.parserOptions());
      requestContext
          .apply(rc)
          .compose(context -> execute(request, context, rc))
          .onSuccess(result -> send(rc, type, result))
          .onFailure(rc::fail);
    } catch (HttpError e) {
      e.send(rc.response());
    }
  }

  private static GraphQLRequest read(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.GET) {
      return GraphQLRequest.fromParams(rc.queryParams());
    }
    String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    if (!mediaType.equals("application/json")) {
      throw new HttpError(
          415, ErrorCode.BAD_USER_INPUT, "Send the request as Content-Type: application/json.");
    }
    return GraphQLRequest.fromBody(rc.body().buffer());
  }

  /**
   * Finds the operation that would run. A syntax error is left to graphql-java, which reports it
   * with its location in the ordinary way.
   */
  private static void checkOperation(
      HttpMethod method, GraphQLRequest request, ParserOptions options) {
    Document document;
    try {
      document =
          new Parser()
              .parseDocument(
                  ParserEnvironment.newParserEnvironment()
                      .document(request.query())
                      .parserOptions(options)
                      .build());
    } catch (InvalidSyntaxException e) {
      return;
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    OperationDefinition.Operation operation =
        operations.stream()
            .filter(
                op ->
                    request.operationName() == null
                        ? operations.size() == 1
                        : request.operationName().equals(op.getName()))
            .map(OperationDefinition::getOperation)
            .findFirst()
            .orElse(null);
    if (operation == OperationDefinition.Operation.MUTATION && method == HttpMethod.GET) {
      throw new HttpError(
          405, ErrorCode.BAD_USER_INPUT, "Mutations must be sent with POST, not GET.");
    }
    if (operation == OperationDefinition.Operation.SUBSCRIPTION) {
      throw HttpError.badRequest(
          "Subscriptions run over the WebSocket at /graphql (protocol graphql-transport-ws).");
    }
  }

  private Future<ExecutionResult> execute(
      GraphQLRequest request, RequestContext context, RoutingContext rc) {
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(request.query())
            .operationName(request.operationName())
            .variables(request.variables())
            .extensions(request.extensions())
            .graphQLContext(graphQLContext(context, rc))
            .dataLoaderRegistry(factory.loaders(context))
            .build();
    return Future.fromCompletionStage(graphQL.executeAsync(input), rc.vertx().getOrCreateContext());
  }

  private static Map<Object, Object> graphQLContext(RequestContext context, RoutingContext rc) {
    Map<Object, Object> entries = new HashMap<>();
    entries.put(RequestContext.class, context);
    entries.put(RoutingContext.class, rc);
    RateLimiter.Decision decision = rc.get(RateLimitHandler.DECISION);
    if (decision != null) {
      entries.put(
          QueryLimits.THROTTLE_STATUS,
          Map.of(
              "maximumAvailable", decision.limit(),
              "currentlyAvailable", decision.remaining(),
              "restoreRate", decision.limit() / 60.0));
    }
    return entries;
  }

  private static void send(RoutingContext rc, ResponseType type, ExecutionResult result) {
    int status = type == ResponseType.GRAPHQL_RESPONSE_JSON && !result.isDataPresent() ? 400 : 200;
    if (rc.response().ended()) {
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, type.contentType())
        .end(Json.encodeToBuffer(result.toSpecification()));
  }
}
