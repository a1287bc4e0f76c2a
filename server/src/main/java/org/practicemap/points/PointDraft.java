package org.practicemap.points;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicemap.common.Coordinates;
import org.practicemap.common.LocalizedText;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Inputs;

/**
 * A point's details from a {@code CreatePointInput} or {@code UpdatePointInput}, checked. For an
 * update, {@code sent} says which fields the client sent (the others stay as they are).
 */
record PointDraft(
    LocalizedText name,
    LocalizedText description,
    LocalizedText address,
    Coordinates coordinates,
    String phone,
    Boolean onMap,
    List<String> facilities,
    List<String> themeCodes,
    Set<String> sent) {

  /** Which levels may sit directly under which: the network's shape (中心—所—站, bases…). */
  static final Map<String, Set<String>> PARENT_LEVELS =
      Map.of(
          "CENTER", Set.of(),
          "INSTITUTE", Set.of("CENTER"),
          "STATION", Set.of("INSTITUTE"),
          "BASE", Set.of("CENTER", "INSTITUTE"),
          "SERVICE_POINT", Set.of("CENTER", "INSTITUTE"),
          "MOBILE_POINT", Set.of("CENTER", "INSTITUTE"),
          "VENUE", Set.of("CENTER", "INSTITUTE"));

  static PointDraft from(Map<String, Object> input, boolean create) {
    PointDraft draft =
        new PointDraft(
            Inputs.text(input, "name", "input.name", 200),
            Inputs.text(input, "description", "input.description", 5000),
            Inputs.text(input, "address", "input.address", 500),
            Inputs.coordinates(input, "coordinates", "input.coordinates"),
            phone((String) input.get("phone")),
            (Boolean) input.get("onMap"),
            Inputs.codes(input, "facilities", "input.facilities", 30),
            Inputs.codes(input, "themeCodes", "input.themeCodes", 8),
            input.keySet());
    if (!create) {
      draft.requireNotNull("name", draft.name());
      draft.requireNotNull("coordinates", draft.coordinates());
      draft.requireNotNull("onMap", draft.onMap());
      draft.requireNotNull("facilities", draft.facilities());
      draft.requireNotNull("themeCodes", draft.themeCodes());
    }
    return draft;
  }

  /** Fails when {@code level} cannot sit directly under a point of {@code parentLevel}. */
  static void requireFits(String level, String parentLevel, String field) {
    if (parentLevel == null && !level.equals("CENTER")) {
      throw ApiException.badInput(field, "A " + level + " needs a parent point.");
    }
    if (parentLevel != null && !PARENT_LEVELS.get(level).contains(parentLevel)) {
      throw ApiException.badInput(
          field,
          level.equals("CENTER")
              ? "A CENTER is the root of a network: it has no parent."
              : "A "
                  + level
                  + " cannot sit under a "
                  + parentLevel
                  + "; it sits under "
                  + String.join(" or ", PARENT_LEVELS.get(level).stream().sorted().toList())
                  + ".");
    }
  }

  boolean sent(String field) {
    return sent.contains(field);
  }

  private void requireNotNull(String field, Object value) {
    if (sent(field) && value == null) {
      throw ApiException.badInput("input." + field, field + " cannot be cleared.");
    }
  }

  private static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String value = phone.strip();
    if (!value.matches("[0-9+\\-() ]{3,30}")
        || value.chars().filter(Character::isDigit).count() < 3) {
      throw ApiException.badInput(
          "input.phone", "A phone number has 3 to 30 digits, spaces, +, - and parentheses.");
    }
    return value;
  }
}
