package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every element of the public schema says what it is: GraphiQL shows it to integrators. */
class SchemaDescriptionsTest {
  private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

  @Test
  void everyTypeFieldArgumentAndEnumValueHasADescription() {
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
    List<String> missing = new ArrayList<>();
    for (GraphQLNamedType type : schema.getAllTypesAsList()) {
      String name = type.getName();
      if (name.startsWith("__") || BUILT_IN.contains(name)) {
        continue;
      }
      check(missing, name, type.getDescription());
      if (type instanceof GraphQLFieldsContainer container) {
        for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
          check(missing, name + "." + field.getName(), field.getDescription());
          for (GraphQLArgument arg : field.getArguments()) {
            check(
                missing,
                name + "." + field.getName() + "(" + arg.getName() + ")",
                arg.getDescription());
          }
        }
      }
      if (type instanceof GraphQLInputObjectType input) {
        input
            .getFieldDefinitions()
            .forEach(f -> check(missing, name + "." + f.getName(), f.getDescription()));
      }
      if (type instanceof GraphQLEnumType enumType) {
        enumType
            .getValues()
            .forEach(v -> check(missing, name + "." + v.getName(), v.getDescription()));
      }
    }
    assertEquals(List.of(), missing, "schema elements without a description");
  }

  private static void check(List<String> missing, String element, String description) {
    if (description == null || description.isBlank()) {
      missing.add(element);
    }
  }
}
