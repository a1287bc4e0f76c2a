package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestServer;

/** schema.graphqls and the server's wiring agree, and the check catches the ways they drift. */
class SchemaWiringTest {

  @Test
  void theServersSchemaAndWiringAgree() {
    try (TestServer server = TestServer.empty()) {
      assertTrue(
          server
                  .server()
                  .app()
                  .graphQL()
                  .getGraphQLSchema()
                  .getQueryType()
                  .getFieldDefinitions()
                  .size()
              > 5);
    }
  }

  @Test
  void theServerLoadsTheRepositorysSchemaFile() throws Exception {
    String packaged =
        new String(
            getClass()
                .getClassLoader()
                .getResourceAsStream(GraphQLFactory.SCHEMA_RESOURCE)
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    String root = java.nio.file.Files.readString(java.nio.file.Path.of("../schema.graphqls"));
    assertEquals(root, packaged);
  }

  private static final TypeDefinitionRegistry TYPES =
      new SchemaParser()
          .parse(
              "interface Node { id: ID! }"
                  + " type Query { a: Thing b(x: Int): Int }"
                  + " type Thing implements Node { id: ID! name(lang: String): String plain: String }");

  @Test
  void aFetcherForAFieldTheSchemaLacksIsReported() {
    RuntimeWiring wiring =
        complete().type("Thing", t -> t.dataFetcher("nmae", env -> "typo")).build();
    assertEquals(
        List.of("wired but not in the schema: Thing.nmae"), WiringCheck.problems(TYPES, wiring));
  }

  @Test
  void rootFieldsArgumentFieldsAndNodeIdsNeedFetchers() {
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().build();
    assertEquals(
        List.of(
            "root field without a fetcher: Query.a",
            "root field without a fetcher: Query.b",
            "Node type without an id fetcher (global ID): Thing",
            "field with arguments but no fetcher: Thing.name"),
        WiringCheck.problems(TYPES, wiring).stream().sorted(SchemaWiringTest::rootsFirst).toList());
  }

  @Test
  void aCompleteWiringHasNoProblems() {
    assertEquals(List.of(), WiringCheck.problems(TYPES, complete().build()));
  }

  private static RuntimeWiring.Builder complete() {
    return RuntimeWiring.newRuntimeWiring()
        .type("Query", t -> t.dataFetcher("a", env -> null).dataFetcher("b", env -> 1))
        .type("Thing", t -> t.dataFetcher("id", env -> "x").dataFetcher("name", env -> "n"));
  }

  private static int rootsFirst(String a, String b) {
    return Boolean.compare(!a.startsWith("root"), !b.startsWith("root")) != 0
        ? Boolean.compare(!a.startsWith("root"), !b.startsWith("root"))
        : a.compareTo(b);
  }
}
