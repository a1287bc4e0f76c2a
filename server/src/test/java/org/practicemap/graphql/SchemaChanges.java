package org.practicemap.graphql;

import graphql.language.TypeKind;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffCategory;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.DiffLevel;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;

/**
 * The breaking changes between the released schema and the current one, found by graphql-java's
 * {@link SchemaDiff}: a removed or retyped field, argument, input field or enum value, a new
 * required argument or input field. A change to an element that the released schema had already
 * deprecated ({@code @deprecated(reason: …)}) is allowed: deprecating first is how clients are
 * warned.
 */
final class SchemaChanges {
  private SchemaChanges() {}

  /** One breaking change, as graphql-java words it. */
  record Breaking(String element, String reason) {
    @Override
    public String toString() {
      return element + ": " + reason;
    }
  }

  /**
   * The breaking changes from {@code releasedSdl} to {@code currentSdl} not covered by a
   * deprecation.
   */
  static List<Breaking> breaking(String releasedSdl, String currentSdl) {
    GraphQLSchema released = schema(releasedSdl);
    GraphQLSchema current = schema(currentSdl);
    CapturingReporter reporter = new CapturingReporter();
    // Both sides are printed from built schemas, so `extend type` sections are merged first.
    new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(released, current), reporter);
    return reporter.getBreakages().stream()
        .filter(event -> !deprecatedBefore(released, current, event))
        .map(event -> new Breaking(element(event), event.getReasonMsg().strip()))
        .distinct()
        .toList();
  }

  static GraphQLSchema schema(String sdl) {
    return new SchemaGenerator()
        .makeExecutableSchema(
            new SchemaParser().parse(sdl),
            RuntimeWiring.newRuntimeWiring()
                .scalar(ExtendedScalars.DateTime)
                .scalar(ExtendedScalars.Date)
                .scalar(ExtendedScalars.LocalTime)
                .scalar(ExtendedScalars.Json)
                .wiringFactory(new MockedWiringFactory())
                .build());
  }

  private static boolean deprecatedBefore(
      GraphQLSchema released, GraphQLSchema current, DiffEvent event) {
    if (event.getLevel() != DiffLevel.BREAKING) {
      return true;
    }
    if (event.getCategory() == DiffCategory.DEPRECATION_REMOVED) {
      return true;
    }
    GraphQLNamedType type = (GraphQLNamedType) released.getType(event.getTypeName());
    String name = event.getFieldName();
    if (type == null || name == null) {
      return false;
    }
    if (type instanceof GraphQLEnumType enumType) {
      GraphQLEnumValueDefinition value = enumType.getValue(name);
      return value != null && value.isDeprecated();
    }
    if (type instanceof GraphQLInputObjectType input) {
      GraphQLInputObjectField field = input.getField(name);
      return field != null && field.isDeprecated();
    }
    if (type instanceof GraphQLFieldsContainer container) {
      return fieldChangeDeprecated(container.getFieldDefinition(name), current, event);
    }
    return false;
  }

  /**
   * A change on a field is allowed when the field itself was deprecated, or when it concerns only
   * arguments that were.
   */
  private static boolean fieldChangeDeprecated(
      GraphQLFieldDefinition field, GraphQLSchema current, DiffEvent event) {
    if (field == null) {
      return false;
    }
    if (field.isDeprecated()) {
      return true;
    }
    List<String> components = event.getComponents();
    if (components.size() == 1) {
      GraphQLArgument argument = field.getArgument(components.get(0));
      return argument != null && argument.isDeprecated();
    }
    if (event.getCategory() == DiffCategory.MISSING && components.isEmpty()) {
      return removedArgumentsAllDeprecated(field, current, event);
    }
    return false;
  }

  /** "Fewer arguments than before": fine if every argument that went was deprecated. */
  private static boolean removedArgumentsAllDeprecated(
      GraphQLFieldDefinition field, GraphQLSchema current, DiffEvent event) {
    if (!(current.getType(event.getTypeName()) instanceof GraphQLFieldsContainer container)) {
      return false;
    }
    GraphQLFieldDefinition now = container.getFieldDefinition(field.getName());
    if (now == null) {
      return false;
    }
    return field.getArguments().stream()
        .filter(arg -> now.getArgument(arg.getName()) == null)
        .allMatch(GraphQLArgument::isDeprecated);
  }

  private static String element(DiffEvent event) {
    String element = event.getTypeName();
    if (event.getFieldName() != null) {
      return element + "." + event.getFieldName();
    }
    if (event.getTypeKind() == TypeKind.Enum && event.getComponents().size() == 1) {
      return element + "." + event.getComponents().get(0);
    }
    return element;
  }
}
