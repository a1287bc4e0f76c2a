package org.practicemap.bench;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.practicemap.Config;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.persisted.PersistedQueries;
import org.practicemap.persisted.RegisteredQueries;

/**
 * What the document cache saves per request: microseconds to get a parsed, validated document for a
 * kiosk-sized query — parsed every time (PERSISTED_QUERY_CACHE_SIZE=0), sent as text and found by
 * the hash of its text, or sent by its hash alone (APQ). Single thread.
 *
 * <pre>java -cp bench/target/practice-map-bench.jar org.practicemap.bench.DocumentCacheBench</pre>
 */
public final class DocumentCacheBench {
  private DocumentCacheBench() {}

  public static void main(String[] args) throws Exception {
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
    String query = QueryMeasureBench.QUERY;
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(query.getBytes(StandardCharsets.UTF_8)));
    Function<ExecutionInput, PreparsedDocumentEntry> parse =
        input -> {
          ParseAndValidateResult r = ParseAndValidate.parseAndValidate(schema, input);
          return r.getDocument() == null
              ? new PreparsedDocumentEntry(r.getErrors())
              : new PreparsedDocumentEntry(r.getDocument(), r.getValidationErrors());
        };
    RegisteredQueries registered = RegisteredQueries.load(Optional.empty());
    PersistedQueries none =
        new PersistedQueries(Config.PersistedQueryMode.AUTOMATIC, registered, 0);
    PersistedQueries cache =
        new PersistedQueries(Config.PersistedQueryMode.AUTOMATIC, registered, 1000);
    ExecutionInput text = ExecutionInput.newExecutionInput().query(query).build();
    ExecutionInput byHash =
        ExecutionInput.newExecutionInput()
            .query(
                graphql.execution.preparsed.persisted.PersistedQuerySupport.PERSISTED_QUERY_MARKER)
            .extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))
            .build();
    cache.getDocumentAsync(text, parse).join();
    long[] sink = new long[1];
    for (int round = 0; round < 3; round++) {
      System.out.printf(
          "round %d: parsed every time %.1f µs, text found by its hash %.1f µs, hash alone %.1f µs%n",
          round,
          micros(() -> sink[0] += none.getDocumentAsync(text, parse).join().hashCode()),
          micros(() -> sink[0] += cache.getDocumentAsync(text, parse).join().hashCode()),
          micros(() -> sink[0] += cache.getDocumentAsync(byHash, parse).join().hashCode()));
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
