package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schema never breaks its released version: {@code docs/schema-released.graphqls} is the
 * contract integrators built against, and a change that would break them fails the build unless the
 * element was deprecated in a release first. Releasing a new schema (docs/API.md, "Schema
 * stability"): copy {@code schema.graphqls} over the snapshot in the same commit as the change.
 */
class SchemaCompatibilityTest {
  static final Path RELEASED = Path.of("..", "docs", "schema-released.graphqls");
  static final Path CURRENT = Path.of("..", "schema.graphqls");

  private static final String BASE =
      """
      "Root." type Query {
        "A." a("X." x: Int, "Y." y: String @deprecated(reason: "Use x.")): Thing
        "B." b: String @deprecated(reason: "Use a.")
        "C." c("Filter." filter: Filter): [Kind!]!
      }
      "A thing." type Thing { "Name." name: String! "Size." size: Int }
      "A filter." input Filter { "Kind." kind: Kind "Old." old: Int @deprecated(reason: "Gone.") }
      "Kinds." enum Kind { "One." ONE "Two." TWO "Three." THREE @deprecated(reason: "Unused.") }
      """;

  @Test
  void currentSchemaKeepsEveryReleasedElementOrDeprecatedItFirst() throws IOException {
    List<SchemaChanges.Breaking> breaking =
        SchemaChanges.breaking(Files.readString(RELEASED), Files.readString(CURRENT));
    assertEquals(
        List.of(),
        breaking,
        "schema.graphqls breaks docs/schema-released.graphqls:\n  "
            + breaking.stream().map(Object::toString).collect(Collectors.joining("\n  "))
            + "\nDeprecate the element first (@deprecated(reason: \"Use … instead.\")) and keep it"
            + " working; remove it only in a later release. If the break is deliberate and"
            + " announced, copy schema.graphqls to docs/schema-released.graphqls in the same commit.");
  }

  @Test
  void releasedSnapshotIsAValidSchemaInUtf8() throws IOException {
    String sdl = new String(Files.readAllBytes(RELEASED), StandardCharsets.UTF_8);
    assertTrue(SchemaChanges.schema(sdl).getQueryType().getFieldDefinitions().size() > 5);
  }

  @Test
  void additionsAreNotBreaking() {
    String added =
        BASE.replace("\"Size.\" size: Int", "\"Size.\" size: Int \"Colour.\" colour: String")
            .replace("\"Two.\" TWO", "\"Two.\" TWO \"Four.\" FOUR")
            .replace("\"X.\" x: Int,", "\"X.\" x: Int, \"Z.\" z: Boolean,");
    assertEquals(List.of(), SchemaChanges.breaking(BASE, added));
  }

  @Test
  void removedFieldIsBreaking() {
    String removed = BASE.replace("\"Size.\" size: Int", "");
    assertBreaks(BASE, removed, "Thing.size");
  }

  @Test
  void retypedFieldIsBreaking() {
    assertBreaks(BASE, BASE.replace("name: String!", "name: Int!"), "Thing.name");
  }

  @Test
  void retypedOrRemovedArgumentIsBreaking() {
    assertBreaks(BASE, BASE.replace("x: Int,", "x: String,"), "Query.a");
    assertBreaks(BASE, BASE.replace("\"X.\" x: Int,", ""), "Query.a");
  }

  @Test
  void newRequiredArgumentIsBreaking() {
    assertBreaks(BASE, BASE.replace("\"X.\" x: Int,", "\"X.\" x: Int, \"W.\" w: Int!,"), "Query.a");
  }

  @Test
  void removedEnumValueIsBreaking() {
    assertBreaks(BASE, BASE.replace("\"Two.\" TWO", ""), "Kind.TWO");
  }

  @Test
  void removingWhatWasDeprecatedFirstIsAllowed() {
    String removed =
        BASE.replace("\"B.\" b: String @deprecated(reason: \"Use a.\")", "")
            .replace(", \"Y.\" y: String @deprecated(reason: \"Use x.\")", "")
            .replace("\"Old.\" old: Int @deprecated(reason: \"Gone.\")", "")
            .replace("\"Three.\" THREE @deprecated(reason: \"Unused.\")", "");
    assertEquals(List.of(), SchemaChanges.breaking(BASE, removed));
  }

  @Test
  void deprecatingInTheSameChangeAsRemovingIsNotEnough() {
    String released = BASE.replace("@deprecated(reason: \"Use a.\")", "");
    String current = BASE.replace("\"B.\" b: String @deprecated(reason: \"Use a.\")", "");
    assertBreaks(released, current, "Query.b");
  }

  private static void assertBreaks(String released, String current, String element) {
    List<SchemaChanges.Breaking> breaking = SchemaChanges.breaking(released, current);
    assertTrue(
        breaking.stream().anyMatch(b -> b.element().equals(element)),
        "expected a breaking change to " + element + ", got " + breaking);
  }
}
