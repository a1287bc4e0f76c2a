package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.AbstractDescribedNode;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every type, field, argument, enum value and input field of the contract says what it is. */
class SchemaDescriptionsTest {

  @Test
  void everythingInTheSchemaHasADescription() {
    TypeDefinitionRegistry types = GraphQLFactory.loadSchema();
    List<String> missing = new ArrayList<>();
    for (TypeDefinition<?> type : types.types().values()) {
      check(missing, type.getName(), ((AbstractDescribedNode<?>) type).getDescription());
      if (type instanceof ObjectTypeDefinition object) {
        fields(missing, type.getName(), object.getFieldDefinitions());
      } else if (type instanceof InterfaceTypeDefinition iface) {
        fields(missing, type.getName(), iface.getFieldDefinitions());
      } else if (type instanceof InputObjectTypeDefinition input) {
        input
            .getInputValueDefinitions()
            .forEach(v -> check(missing, type.getName() + "." + v.getName(), v.getDescription()));
      } else if (type instanceof EnumTypeDefinition e) {
        e.getEnumValueDefinitions()
            .forEach(v -> check(missing, type.getName() + "." + v.getName(), v.getDescription()));
      }
    }
    for (List<ObjectTypeExtensionDefinition> extensions : types.objectTypeExtensions().values()) {
      extensions.forEach(e -> fields(missing, e.getName(), e.getFieldDefinitions()));
    }
    assertEquals(List.of(), missing);
  }

  private static void fields(List<String> missing, String type, List<FieldDefinition> fields) {
    for (FieldDefinition field : fields) {
      String name = type + "." + field.getName();
      check(missing, name, field.getDescription());
      for (InputValueDefinition arg : field.getInputValueDefinitions()) {
        check(missing, name + "(" + arg.getName() + ")", arg.getDescription());
      }
    }
  }

  private static void check(List<String> missing, String what, Description description) {
    if (description == null || description.getContent().isBlank()) {
      missing.add(what);
    }
  }
}
