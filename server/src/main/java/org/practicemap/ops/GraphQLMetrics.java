package org.practicemap.ops;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.practicemap.graphql.ErrorCode;

/**
 * Times every GraphQL operation, over HTTP and WebSocket, as {@code
 * practicemap_graphql_operations_seconds{operation, type, outcome}}: from the start of execution
 * (the document comes parsed from the cache) to the result; for a subscription, until its stream is
 * set up.
 *
 * <p>Label values stay few whatever clients send: {@code operation} is the name of a registered
 * query (the web clients' own, {@code PERSISTED_QUERIES_DIR}) or {@code anonymous}; {@code type} is
 * query, mutation, subscription or {@code invalid} (never reached execution); {@code outcome} is
 * {@code ok} or the first error's {@link ErrorCode}.
 */
public final class GraphQLMetrics extends SimplePerformantInstrumentation {
  static final String NAME = "practicemap.graphql.operations";
  static final String ANONYMOUS = "anonymous";
  private static final Set<String> CODES = codes();

  private final MeterRegistry registry;
  private final Set<String> knownOperations;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  /**
   * @param knownOperations the operation names that may appear as labels
   */
  public GraphQLMetrics(MeterRegistry registry, Set<String> knownOperations) {
    this.registry = registry;
    this.knownOperations = Set.copyOf(knownOperations);
  }

  private record Key(String operation, String type, String outcome) {}

  private static final class State implements InstrumentationState {
    final long started = System.nanoTime();
    final java.util.concurrent.atomic.AtomicBoolean recorded =
        new java.util.concurrent.atomic.AtomicBoolean();
    volatile String operation = ANONYMOUS;
    volatile String type = "invalid";
  }

  @Override
  public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
    return new State();
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
    State s = (State) state;
    s.type = operation.getOperation().name().toLowerCase();
    String name = operation.getName();
    s.operation = name != null && knownOperations.contains(name) ? name : ANONYMOUS;
    return SimpleInstrumentationContext.noOp();
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    // graphql-java calls this again for every event of a subscription, with the same state: only
    // the first call (the operation's own result) is timed, so events cost a flag check.
    if (state instanceof State s && s.recorded.compareAndSet(false, true)) {
      timer(new Key(s.operation, s.type, outcome(result)))
          .record(Duration.ofNanos(System.nanoTime() - s.started));
    }
    return CompletableFuture.completedFuture(result);
  }

  private Timer timer(Key key) {
    return timers.computeIfAbsent(
        key,
        k ->
            Timer.builder(NAME)
                .description("GraphQL operations by registered name, type and outcome")
                .tag("operation", k.operation())
                .tag("type", k.type())
                .tag("outcome", k.outcome())
                .serviceLevelObjectives(
                    Duration.ofMillis(5),
                    Duration.ofMillis(10),
                    Duration.ofMillis(25),
                    Duration.ofMillis(50),
                    Duration.ofMillis(100),
                    Duration.ofMillis(250),
                    Duration.ofMillis(500),
                    Duration.ofSeconds(1),
                    Duration.ofMillis(2500))
                .register(registry));
  }

  private static String outcome(ExecutionResult result) {
    if (result.getErrors().isEmpty()) {
      return "ok";
    }
    GraphQLError first = result.getErrors().get(0);
    Object code = first.getExtensions() == null ? null : first.getExtensions().get("code");
    return code != null && CODES.contains(code.toString()) ? code.toString() : "ERROR";
  }

  private static Set<String> codes() {
    return java.util.Arrays.stream(ErrorCode.values())
        .map(Enum::name)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
