package org.practicemap.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import io.vertx.pgclient.PgException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.practicemap.db.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a fetcher's failure into a GraphQL error with {@code extensions.code}. Expected failures
 * ({@link ApiException}) keep their message; PostgreSQL errors are classified by SQLSTATE; anything
 * else is logged with a reference and reaches the client only as "internal error (ref …)". Never a
 * stack trace or a database message to a client: those can hold personal data.
 */
final class FetcherErrors implements DataFetcherExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(FetcherErrors.class);

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters params) {
    Throwable cause = unwrap(params.getException());
    ApiException api = classify(cause, params);
    Map<String, Object> extensions = new HashMap<>(api.extensions());
    extensions.put("code", api.code().name());
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .message(api.getMessage())
            .location(params.getSourceLocation())
            .path(params.getPath())
            .extensions(extensions)
            .build();
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult(error).build());
  }

  private static ApiException classify(
      Throwable cause, DataFetcherExceptionHandlerParameters params) {
    if (cause instanceof ApiException api) {
      return api;
    }
    if (cause instanceof PgException pg) {
      return fromPostgres(pg, params);
    }
    String ref = UUID.randomUUID().toString().substring(0, 8);
    log.error(
        "Unexpected failure in {} (ref {}): {}", params.getPath(), ref, Failures.describe(cause));
    return new ApiException(
        ErrorCode.INTERNAL, "Something went wrong on our side (ref " + ref + ").");
  }

  /** Only the SQLSTATE and constraint are logged: the message can quote row values. */
  private static ApiException fromPostgres(
      PgException pg, DataFetcherExceptionHandlerParameters params) {
    String state = pg.getSqlState();
    log.warn(
        "PostgreSQL refused {}: SQLSTATE {} constraint {}",
        params.getPath(),
        state,
        pg.getConstraint());
    return switch (state) {
      case SqlState.UNIQUE_VIOLATION, SqlState.EXCLUSION_VIOLATION ->
          new ApiException(ErrorCode.CONFLICT, "This conflicts with something that exists.");
      case SqlState.FOREIGN_KEY_VIOLATION ->
          ApiException.badInput("This refers to something that does not exist.");
      case SqlState.CHARACTER_NOT_IN_REPERTOIRE ->
          ApiException.badInput("Text must not contain NUL characters.");
      case SqlState.CHECK_VIOLATION,
          SqlState.NOT_NULL_VIOLATION,
          SqlState.INVALID_TEXT_REPRESENTATION,
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE ->
          ApiException.badInput("A value is out of its allowed range.");
      case SqlState.SERIALIZATION_FAILURE,
          SqlState.DEADLOCK_DETECTED,
          SqlState.LOCK_NOT_AVAILABLE ->
          new ApiException(ErrorCode.CONFLICT, "Too many changes at once; please try again.");
      case SqlState.QUERY_CANCELED ->
          new ApiException(ErrorCode.INTERNAL, "The request took too long and was stopped.");
      default -> {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("PostgreSQL error SQLSTATE {} in {} (ref {})", state, params.getPath(), ref);
        yield new ApiException(
            ErrorCode.INTERNAL, "Something went wrong on our side (ref " + ref + ").");
      }
    };
  }

  private static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
