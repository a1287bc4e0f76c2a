package org.practicemap.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.parser.ParserOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.practicemap.Config;

/**
 * The abuse limits every operation passes before it runs, over HTTP and WebSocket alike: at most so
 * many tokens (the parser stops counting there), so deep, so many aliases and so costly (see {@link
 * QueryMeasure}). Every response then reports its cost in {@code extensions.cost}, as Shopify's API
 * does, so that integrators can plan: {@code requestedQueryCost} (the measure before running),
 * {@code actualQueryCost} (the objects the response holds), {@code maximumQueryCost}, and, when the
 * rate limit is on, {@code throttleStatus} (requests left this minute).
 */
public final class QueryLimits extends SimplePerformantInstrumentation {
  /**
   * Where the transport puts the caller's rate-limit status in the GraphQL context: a map with
   * {@code maximumAvailable}, {@code currentlyAvailable} and {@code restoreRate}.
   */
  public static final String THROTTLE_STATUS = "practicemap.throttleStatus";

  private final Config.Limits limits;
  private final ParserOptions parserOptions;

  private static final class State implements InstrumentationState {
    volatile long requested;
  }

  public QueryLimits(Config.Limits limits) {
    this.limits = limits;
    this.parserOptions =
        ParserOptions.getDefaultOperationParserOptions()
            .transform(b -> b.maxTokens(limits.maxTokens()));
  }

  /** The parser options for this server's operations, for code that parses them itself. */
  public ParserOptions parserOptions() {
    return parserOptions;
  }

  @Override
  public CompletableFuture<InstrumentationState> createStateAsync(
      InstrumentationCreateStateParameters parameters) {
    return CompletableFuture.completedFuture(new State());
  }

  @Override
  public ExecutionInput instrumentExecutionInput(
      ExecutionInput input,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    input.getGraphQLContext().put(ParserOptions.class, parserOptions);
    return input;
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    State measured = (State) state;
    QueryMeasure.check(parameters.getExecutionContext(), limits, cost -> measured.requested = cost);
    return SimpleInstrumentationContext.noOp();
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("requestedQueryCost", ((State) state).requested);
    cost.put("actualQueryCost", objects(result.getData()));
    cost.put("maximumQueryCost", limits.maxQueryCost());
    Object throttle = parameters.getExecutionInput().getGraphQLContext().get(THROTTLE_STATUS);
    if (throttle != null) {
      cost.put("throttleStatus", throttle);
    }
    return CompletableFuture.completedFuture(result.transform(b -> b.addExtension("cost", cost)));
  }

  /** The objects below the root of a response's data. */
  private static long objects(Object data) {
    if (!(data instanceof Map<?, ?> root)) {
      return 0;
    }
    long count = 0;
    for (Object value : root.values()) {
      count += countObjects(value);
    }
    return count;
  }

  private static long countObjects(Object value) {
    if (value instanceof Map<?, ?> map) {
      long count = 1;
      for (Object child : map.values()) {
        count += countObjects(child);
      }
      return count;
    }
    if (value instanceof List<?> list) {
      long count = 0;
      for (Object item : list) {
        count += countObjects(item);
      }
      return count;
    }
    return 0;
  }
}
