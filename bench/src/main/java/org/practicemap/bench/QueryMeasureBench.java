package org.practicemap.bench;

import graphql.ParseAndValidate;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import org.practicemap.Config;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.graphql.QueryMeasure;

/**
 * What measuring a query before it runs costs, next to what graphql-java spends parsing and
 * validating it anyway: nanoseconds per operation for a kiosk-sized query, single thread.
 *
 * <pre>java -cp bench/target/practice-map-bench.jar org.practicemap.bench.QueryMeasureBench</pre>
 */
public final class QueryMeasureBench {
  static final String QUERY =
      "{ activities(first: 50) { totalCount edges { node { title startsAt seatsLeft status"
          + " point { name address coordinates { lat lng } } theme { name color } stalls { number name } } } } }";

  private QueryMeasureBench() {}

  public static void main(String[] args) {
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(
                GraphQLFactory.loadSchema(),
                RuntimeWiring.newRuntimeWiring()
                    .scalar(ExtendedScalars.DateTime)
                    .scalar(ExtendedScalars.Date)
                    .scalar(ExtendedScalars.LocalTime)
                    .scalar(ExtendedScalars.Json)
                    .wiringFactory(new graphql.schema.idl.MockedWiringFactory())
                    .build());
    Document document = Parser.parse(QUERY);
    Config.Limits limits = Config.Limits.DEFAULT;
    long[] sink = new long[1];
    Runnable measure =
        () ->
            sink[0] +=
                QueryMeasure.check(
                    schema, document, null, CoercedVariables.emptyVariables(), limits, c -> {});
    Runnable parseAndValidate =
        () -> sink[0] += ParseAndValidate.validate(schema, Parser.parse(QUERY)).size();
    for (int round = 0; round < 3; round++) {
      System.out.printf(
          "round %d: measure %.1f µs, parse+validate %.1f µs (cost %d)%n",
          round,
          micros(measure),
          micros(parseAndValidate),
          QueryMeasure.check(
              schema, document, null, CoercedVariables.emptyVariables(), limits, c -> {}));
    }
    if (sink[0] == 42) {
      System.out.println();
    }
  }

  private static double micros(Runnable task) {
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      task.run();
    }
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      task.run();
    }
    return (System.nanoTime() - started) / 1000.0 / n;
  }
}
