package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The contract documents itself: every type, field, argument, enum value and input field. */
class SchemaDescriptionTest {

  @Test
  void everythingInTheSchemaHasADescription() {
    TypeDefinitionRegistry types = GraphQLFactory.loadSchema();
    List<String> missing = new ArrayList<>();
    for (TypeDefinition<?> type : types.types().values()) {
      check(missing, type.getName(), describedBy(type));
      if (type instanceof ObjectTypeDefinition object) {
        fields(missing, type.getName(), object.getFieldDefinitions());
      } else if (type instanceof InterfaceTypeDefinition iface) {
        fields(missing, type.getName(), iface.getFieldDefinitions());
      } else if (type instanceof InputObjectTypeDefinition input) {
        input
            .getInputValueDefinitions()
            .forEach(v -> check(missing, type.getName() + "." + v.getName(), v.getDescription()));
      } else if (type instanceof EnumTypeDefinition enumType) {
        enumType
            .getEnumValueDefinitions()
            .forEach(v -> check(missing, type.getName() + "." + v.getName(), v.getDescription()));
      }
    }
    types.scalars().values().stream()
        .filter(s -> s.getSourceLocation() != null)
        .forEach(s -> check(missing, s.getName(), s.getDescription()));
    for (List<ObjectTypeExtensionDefinition> extensions : types.objectTypeExtensions().values()) {
      extensions.forEach(e -> fields(missing, e.getName(), e.getFieldDefinitions()));
    }
    assertEquals(List.of(), missing);
  }

  private static Description describedBy(TypeDefinition<?> type) {
    if (type instanceof ObjectTypeDefinition o) {
      return o.getDescription();
    }
    if (type instanceof InterfaceTypeDefinition i) {
      return i.getDescription();
    }
    if (type instanceof InputObjectTypeDefinition i) {
      return i.getDescription();
    }
    if (type instanceof EnumTypeDefinition e) {
      return e.getDescription();
    }
    return new Description("n/a", null, false);
  }

  private static void fields(List<String> missing, String type, List<FieldDefinition> fields) {
    for (FieldDefinition field : fields) {
      check(missing, type + "." + field.getName(), field.getDescription());
      for (InputValueDefinition arg : field.getInputValueDefinitions()) {
        check(
            missing,
            type + "." + field.getName() + "(" + arg.getName() + ")",
            arg.getDescription());
      }
    }
  }

  private static void check(List<String> missing, String what, Description description) {
    if (description == null || description.getContent().isBlank()) {
      missing.add(what);
    }
  }
}
