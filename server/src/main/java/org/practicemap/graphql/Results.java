package org.practicemap.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/** Fetcher results that carry an expected error as data rather than as an exception. */
public final class Results {
  private Results() {}

  /** {@code value}, or null with a {@code NOT_FOUND} error saying {@code message}. */
  public static <T> DataFetcherResult<T> orNotFound(
      DataFetchingEnvironment env, T value, String message) {
    if (value != null) {
      return DataFetcherResult.<T>newResult().data(value).build();
    }
    return DataFetcherResult.<T>newResult()
        .error(
            GraphqlErrorBuilder.newError(env)
                .message(message)
                .extensions(Map.of("code", ErrorCode.NOT_FOUND.name()))
                .build())
        .build();
  }
}
