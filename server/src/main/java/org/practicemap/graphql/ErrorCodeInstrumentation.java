package org.practicemap.graphql;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives every error an {@code extensions.code}, also those graphql-java makes itself (syntax,
 * validation, argument coercion, aborted execution): they are all the client's doing, so {@code
 * BAD_USER_INPUT}. Clients can then branch on one field.
 */
final class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    if (result.getErrors().stream().allMatch(ErrorCodeInstrumentation::hasCode)) {
      return CompletableFuture.completedFuture(result);
    }
    List<GraphQLError> errors =
        result.getErrors().stream().map(ErrorCodeInstrumentation::withCode).toList();
    return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
  }

  private static boolean hasCode(GraphQLError error) {
    return error.getExtensions() != null && error.getExtensions().containsKey("code");
  }

  private static GraphQLError withCode(GraphQLError error) {
    if (hasCode(error)) {
      return error;
    }
    Map<String, Object> extensions = new HashMap<>();
    if (error.getExtensions() != null) {
      extensions.putAll(error.getExtensions());
    }
    extensions.put("code", ErrorCode.BAD_USER_INPUT.name());
    ErrorClassification type = error.getErrorType();
    if (type != null) {
      extensions.putIfAbsent("classification", type.toSpecification(error));
    }
    return GraphqlErrorBuilder.newError()
        .message(error.getMessage())
        .locations(error.getLocations())
        .path(error.getPath())
        .errorType(type)
        .extensions(extensions)
        .build();
  }
}
