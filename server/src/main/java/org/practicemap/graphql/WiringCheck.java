package org.practicemap.graphql;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where {@code schema.graphqls} and the wiring disagree, which graphql-java lets pass
 * silently: a fetcher for a field the schema lacks (a typo, a renamed field), a root field without
 * a fetcher, a field with arguments read by the default property fetcher (it would ignore the
 * arguments), a {@code Node.id} that would leak the raw database key.
 */
final class WiringCheck {
  private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

  private WiringCheck() {}

  static List<String> problems(TypeDefinitionRegistry types, RuntimeWiring wiring) {
    Map<String, List<FieldDefinition>> fields = objectFields(types);
    List<String> problems = new ArrayList<>();
    wiring
        .getDataFetchers()
        .forEach(
            (type, fetchers) ->
                fetchers.keySet().stream()
                    .filter(field -> !hasField(fields, type, field))
                    .forEach(
                        field ->
                            problems.add("wired but not in the schema: " + type + "." + field)));
    fields.forEach(
        (type, defs) -> {
          Set<String> wired = wiring.getDataFetcherForType(type).keySet();
          boolean isNode = implementsNode(types, type);
          for (FieldDefinition def : defs) {
            String name = def.getName();
            if (wired.contains(name)) {
              continue;
            }
            if (ROOTS.contains(type)) {
              problems.add("root field without a fetcher: " + type + "." + name);
            } else if (!def.getInputValueDefinitions().isEmpty()) {
              problems.add("field with arguments but no fetcher: " + type + "." + name);
            } else if (isNode && name.equals("id")) {
              problems.add("Node type without an id fetcher (global ID): " + type);
            }
          }
        });
    return problems;
  }

  private static Map<String, List<FieldDefinition>> objectFields(TypeDefinitionRegistry types) {
    Map<String, List<FieldDefinition>> fields = new HashMap<>();
    types
        .getTypes(ObjectTypeDefinition.class)
        .forEach(
            t ->
                fields
                    .computeIfAbsent(t.getName(), k -> new ArrayList<>())
                    .addAll(t.getFieldDefinitions()));
    types
        .objectTypeExtensions()
        .forEach(
            (name, extensions) ->
                extensions.forEach(
                    e ->
                        fields
                            .computeIfAbsent(name, k -> new ArrayList<>())
                            .addAll(e.getFieldDefinitions())));
    return fields;
  }

  private static boolean hasField(
      Map<String, List<FieldDefinition>> fields, String type, String field) {
    return fields.getOrDefault(type, List.of()).stream().anyMatch(f -> f.getName().equals(field));
  }

  private static boolean implementsNode(TypeDefinitionRegistry types, String type) {
    return types
        .getType(type, ObjectTypeDefinition.class)
        .map(
            t ->
                t.getImplements().stream()
                    .anyMatch(i -> i instanceof TypeName n && n.getName().equals("Node")))
        .orElse(false);
  }
}
