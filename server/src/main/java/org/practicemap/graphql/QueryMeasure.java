package org.practicemap.graphql;

import graphql.ErrorType;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitor;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorFragmentSpreadEnvironment;
import graphql.analysis.QueryVisitorInlineFragmentEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.practicemap.Config;

/**
 * What an operation asks of the server, measured before it runs: its depth, its aliases and its
 * cost. The cost is the number of objects the response can hold at most: 1 for a field that returns
 * an object, {@code first} for the {@code edges} of a connection, {@value #LIST_ESTIMATE} for any
 * other list, and 1 for a {@code totalCount} (a count query) — each multiplied by the number of
 * times its parent can occur. So {@code points(first: 20) { edges { node { activities (first: 10) {
 * edges { node { title } } } } } }} costs 1 + 20 + 20 + 20 + 200 + 200 = 461. Introspection ({@code
 * __schema}, {@code __type}) is free: graphql-java's good-faith check bounds it.
 */
public final class QueryMeasure {
  static final int LIST_ESTIMATE = 10;
  static final int DEFAULT_FIRST = 20;

  /** Stops measuring a document that expands (through fragments) to absurdly many fields. */
  static final int MAX_VISITED_FIELDS = 20_000;

  private final Config.Limits limits;
  private final Map<QueryVisitorFieldEnvironment, long[]> seen = new IdentityHashMap<>();
  private long cost;
  private int aliases;
  private int visited;

  private QueryMeasure(Config.Limits limits) {
    this.limits = limits;
  }

  /**
   * Measures the operation about to run, and aborts it with a {@code BAD_USER_INPUT} error as soon
   * as it exceeds a limit. Returns the requested cost, and hands it to {@code cost} either way.
   */
  static long check(ExecutionContext context, Config.Limits limits, LongConsumer cost) {
    return check(
        context.getGraphQLSchema(),
        context.getDocument(),
        context.getOperationDefinition().getName(),
        context.getCoercedVariables(),
        limits,
        cost);
  }

  /** The same, for a document outside an execution (benchmarks, tools). */
  public static long check(
      GraphQLSchema schema,
      Document document,
      String operationName,
      CoercedVariables variables,
      Config.Limits limits,
      LongConsumer cost) {
    QueryMeasure measure = new QueryMeasure(limits);
    try {
      QueryTraverser.newQueryTraverser()
          .schema(schema)
          .document(document)
          .operationName(operationName)
          .coercedVariables(variables)
          .build()
          .visitPreOrder(measure.visitor());
      return measure.cost;
    } finally {
      // A refused query reports what was measured until the limit was passed.
      cost.accept(measure.cost);
    }
  }

  private QueryVisitor visitor() {
    return new QueryVisitor() {
      @Override
      public void visitField(QueryVisitorFieldEnvironment env) {}

      @Override
      public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment env) {
        return field(env);
      }

      @Override
      public void visitInlineFragment(QueryVisitorInlineFragmentEnvironment env) {}

      @Override
      public void visitFragmentSpread(QueryVisitorFragmentSpreadEnvironment env) {}
    };
  }

  private TraversalControl field(QueryVisitorFieldEnvironment env) {
    if (env.isTypeNameIntrospectionField() || env.getFieldDefinition().getName().startsWith("__")) {
      return TraversalControl.ABORT;
    }
    if (++visited > MAX_VISITED_FIELDS) {
      throw abort(
          "MAX_QUERY_FIELDS",
          visited,
          MAX_VISITED_FIELDS,
          "This query selects too many fields (over "
              + MAX_VISITED_FIELDS
              + " once fragments are expanded).");
    }
    long[] facts = facts(env);
    if (env.getField().getAlias() != null && ++aliases > limits.maxAliases()) {
      throw abort(
          "MAX_QUERY_ALIASES",
          aliases,
          limits.maxAliases(),
          "This query uses more than " + limits.maxAliases() + " aliases.");
    }
    if (facts[0] > limits.maxQueryDepth()) {
      throw abort(
          "MAX_QUERY_DEPTH",
          facts[0],
          limits.maxQueryDepth(),
          "This query nests fields "
              + facts[0]
              + " deep; at most "
              + limits.maxQueryDepth()
              + " is allowed.");
    }
    cost = saturatedAdd(cost, ownCost(env, facts));
    if (cost > limits.maxQueryCost()) {
      throw abort(
          "MAX_QUERY_COST",
          cost,
          limits.maxQueryCost(),
          "This query could return over "
              + limits.maxQueryCost()
              + " objects (its cost is at least "
              + cost
              + "). Ask for smaller pages (first) or fewer nested lists.");
    }
    return TraversalControl.CONTINUE;
  }

  /** {depth, times the field can occur, objects it yields each time}. */
  private long[] facts(QueryVisitorFieldEnvironment env) {
    long[] known = seen.get(env);
    if (known != null) {
      return known;
    }
    QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
    long depth = 1;
    long times = 1;
    if (parent != null) {
      long[] p = facts(parent);
      depth = p[0] + 1;
      times = saturatedMultiply(p[1], p[2]);
    }
    long[] facts = {depth, times, width(env)};
    seen.put(env, facts);
    return facts;
  }

  private static long ownCost(QueryVisitorFieldEnvironment env, long[] facts) {
    if (env.getFieldDefinition().getName().equals("totalCount")) {
      return facts[1];
    }
    return saturatedMultiply(facts[1], facts[2]);
  }

  /** How many objects one occurrence of the field yields: 0 for a scalar. */
  private static long width(QueryVisitorFieldEnvironment env) {
    GraphQLOutputType type =
        (GraphQLOutputType) GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType());
    GraphQLNamedType element = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
    if (element instanceof GraphQLScalarType || element instanceof GraphQLEnumType) {
      return 0;
    }
    if (!(type instanceof GraphQLList)) {
      return 1;
    }
    QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
    boolean edgesOfConnection =
        env.getFieldDefinition().getName().equals("edges")
            && parent != null
            && parent.getArguments().containsKey("first");
    if (edgesOfConnection) {
      Object first = parent.getArguments().get("first");
      return first instanceof Number n ? Math.max(0, n.longValue()) : DEFAULT_FIRST;
    }
    return LIST_ESTIMATE;
  }

  private static AbortExecutionException abort(
      String limit, long value, long maximum, String message) {
    return new AbortExecutionException(
        List.of(
            GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ExecutionAborted)
                .extensions(
                    Map.of(
                        "code", ErrorCode.BAD_USER_INPUT.name(),
                        "limit", limit,
                        "value", value,
                        "maximum", maximum))
                .build()));
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long saturatedMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    return (high != 0 || product < 0) ? Long.MAX_VALUE : product;
  }
}
