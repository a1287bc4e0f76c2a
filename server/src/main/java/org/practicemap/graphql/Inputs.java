package org.practicemap.graphql;

import java.util.List;
import java.util.Map;
import org.practicemap.common.Coordinates;
import org.practicemap.common.LocalizedText;

/**
 * Reads and checks mutation inputs. Each check fails with a {@code BAD_USER_INPUT} error naming the
 * input field (e.g. {@code input.title.zh}), so a form can put the message next to it.
 */
public final class Inputs {
  private Inputs() {}

  /** Whether the client sent the key at all (a null value counts: it clears the field). */
  public static boolean has(Map<String, Object> input, String key) {
    return input != null && input.containsKey(key);
  }

  /**
   * A {@code LocalizedTextInput}, or null. Chinese must hold text; each language at most {@code
   * max} characters; blank translations count as missing.
   */
  public static LocalizedText text(Map<String, Object> input, String key, String field, int max) {
    @SuppressWarnings("unchecked")
    Map<String, Object> text = (Map<String, Object>) input.get(key);
    if (text == null) {
      return null;
    }
    String zh = (String) text.get("zh");
    if (zh == null || zh.isBlank()) {
      throw ApiException.badInput(field + ".zh", "The Chinese text must not be empty.");
    }
    return new LocalizedText(
        limited(zh.strip(), field + ".zh", max),
        translation((String) text.get("mn"), field + ".mn", max),
        translation((String) text.get("en"), field + ".en", max));
  }

  public static Coordinates coordinates(Map<String, Object> input, String key, String field) {
    @SuppressWarnings("unchecked")
    Map<String, Object> at = (Map<String, Object>) input.get(key);
    if (at == null) {
      return null;
    }
    double lat = ((Number) at.get("lat")).doubleValue();
    double lng = ((Number) at.get("lng")).doubleValue();
    if (!(lat >= -90 && lat <= 90)) {
      throw ApiException.badInput(field + ".lat", "Latitude must be between -90 and 90.");
    }
    if (!(lng >= -180 && lng <= 180)) {
      throw ApiException.badInput(field + ".lng", "Longitude must be between -180 and 180.");
    }
    return new Coordinates(lat, lng);
  }

  /** Codes such as facility or theme codes: capital letters, digits and {@code _}. */
  @SuppressWarnings("unchecked")
  public static List<String> codes(Map<String, Object> input, String key, String field, int max) {
    List<String> codes = (List<String>) input.get(key);
    if (codes == null) {
      return null;
    }
    if (codes.size() > max) {
      throw ApiException.badInput(field, "At most " + max + " codes.");
    }
    for (String code : codes) {
      if (!code.matches("[A-Z][A-Z0-9_]{0,49}")) {
        throw ApiException.badInput(
            field, "\"" + code + "\" is not a code: use capital letters, digits and _.");
      }
    }
    return codes.stream().distinct().toList();
  }

  public static String limited(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw ApiException.badInput(
          field, "At most " + max + " characters, not " + value.length() + ".");
    }
    return value;
  }

  private static String translation(String value, String field, int max) {
    return value == null || value.isBlank() ? null : limited(value.strip(), field, max);
  }
}
