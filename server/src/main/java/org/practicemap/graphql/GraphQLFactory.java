package org.practicemap.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.NoOpPreparsedDocumentProvider;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.handler.graphql.instrumentation.VertxFutureAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dataloader.DataLoaderRegistry;

/**
 * Builds the executable API from {@code schema.graphqls} (the contract, packaged from the
 * repository root) and the features' wiring, and checks that the two agree.
 */
public final class GraphQLFactory {
  public static final String SCHEMA_RESOURCE = "schema.graphqls";

  private final List<Feature> features;
  private final Map<String, Function<String, Future<Object>>> nodeLoaders = new HashMap<>();
  private final List<Instrumentation> instrumentations = new ArrayList<>();
  private graphql.parser.ParserOptions parserOptions =
      graphql.parser.ParserOptions.getDefaultOperationParserOptions();
  private PreparsedDocumentProvider documents = NoOpPreparsedDocumentProvider.INSTANCE;

  public GraphQLFactory(List<Feature> features) {
    this.features = List.copyOf(features);
    features.forEach(f -> nodeLoaders.putAll(f.nodeLoaders()));
  }

  /** Adds an instrumentation (limits, metrics…), run after the built-in ones. */
  public GraphQLFactory instrument(Instrumentation instrumentation) {
    instrumentations.add(instrumentation);
    return this;
  }

  /** Adds the abuse limits; their parser options also apply where the HTTP layer parses. */
  public GraphQLFactory limit(QueryLimits limits) {
    this.parserOptions = limits.parserOptions();
    return instrument(limits);
  }

  /**
   * Where documents come from: persisted queries and the cache of parsed documents. Whatever the
   * source, {@link TransportRules} then checks the operation against the transport.
   */
  public GraphQLFactory documents(PreparsedDocumentProvider documents) {
    this.documents = documents;
    return this;
  }

  /** How operations are parsed: the same token limit wherever a document is read. */
  public graphql.parser.ParserOptions parserOptions() {
    return parserOptions;
  }

  public GraphQL build() {
    TypeDefinitionRegistry types = loadSchema();
    RuntimeWiring wiring = wiring(types);
    List<String> problems = WiringCheck.problems(types, wiring);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "schema.graphqls and the wiring disagree:\n  " + String.join("\n  ", problems));
    }
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring);
    List<Instrumentation> chain = new ArrayList<>();
    chain.add(VertxFutureAdapter.create());
    chain.add(new ErrorCodeInstrumentation());
    chain.addAll(instrumentations);
    return GraphQL.newGraphQL(schema)
        .instrumentation(new ChainedInstrumentation(chain))
        .defaultDataFetcherExceptionHandler(new FetcherErrors())
        .preparsedDocumentProvider(new TransportRules(documents))
        .build();
  }

  /** A fresh set of DataLoaders for one request. */
  public DataLoaderRegistry loaders(RequestContext request) {
    DataLoaderRegistry registry = new DataLoaderRegistry();
    features.forEach(f -> f.registerLoaders(registry, request));
    return registry;
  }

  public static TypeDefinitionRegistry loadSchema() {
    try (InputStream in =
        GraphQLFactory.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath");
      }
      return new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RuntimeWiring wiring(TypeDefinitionRegistry types) {
    RuntimeWiring.Builder wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(ExtendedScalars.DateTime)
            .scalar(ExtendedScalars.Date)
            .scalar(ExtendedScalars.LocalTime)
            .scalar(ExtendedScalars.Json)
            .type(
                "Node",
                t ->
                    t.typeResolver(env -> env.getSchema().getObjectType(typeName(env.getObject()))))
            .type("Query", t -> t.dataFetcher("node", this::node));
    wireTotalCounts(types, wiring);
    features.forEach(f -> f.wire(wiring));
    return wiring.build();
  }

  /** Every {@code *Connection} type counts lazily: the count query runs only when selected. */
  private static void wireTotalCounts(TypeDefinitionRegistry types, RuntimeWiring.Builder wiring) {
    types.types().keySet().stream()
        .filter(name -> name.endsWith("Connection"))
        .forEach(
            name ->
                wiring.type(
                    name,
                    t ->
                        t.dataFetcher(
                            "totalCount",
                            env -> env.<Connection<?>>getSource().totalCount().get())));
  }

  private Object node(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    GlobalId.Decoded decoded = GlobalId.decode("id", id);
    Function<String, Future<Object>> loader = nodeLoaders.get(decoded.type());
    if (loader == null) {
      throw ApiException.badInput("id", "\"" + id + "\" is not a valid ID.");
    }
    Future<Object> found;
    try {
      found = loader.apply(decoded.key());
    } catch (NumberFormatException e) {
      throw ApiException.badInput("id", "\"" + id + "\" is not a valid ID.");
    }
    return found.map(node -> Results.orNotFound(env, node, "Nothing has the ID " + id + "."));
  }

  /** Objects are records named like their GraphQL type: {@code Point} → "Point". */
  private static String typeName(Object object) {
    return object.getClass().getSimpleName();
  }
}
