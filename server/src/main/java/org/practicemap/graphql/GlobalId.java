package org.practicemap.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque global IDs: base64url of {@code Type:key}. Clients must not parse them; the server checks
 * that an ID names the type a field expects.
 */
public final class GlobalId {
  private GlobalId() {}

  public record Decoded(String type, String key) {}

  public static String of(String type, Object key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes any well-formed ID; a malformed one is a {@code BAD_USER_INPUT} error. */
  public static Decoded decode(String field, String id) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed(field, id);
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw malformed(field, id);
    }
    return new Decoded(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Decodes the ID of a {@code type} whose key is a number, e.g. a point. */
  public static long decodeLong(String field, String type, String id) {
    Decoded decoded = decode(field, id);
    if (!decoded.type().equals(type)) {
      throw ApiException.badInput(
          field,
          "The ID "
              + id
              + " names "
              + (decoded.type().matches("(?i)[aeiou].*") ? "an " : "a ")
              + decoded.type()
              + ", but this takes "
              + type
              + " IDs.");
    }
    try {
      return Long.parseLong(decoded.key());
    } catch (NumberFormatException e) {
      throw malformed(field, id);
    }
  }

  private static ApiException malformed(String field, String id) {
    return ApiException.badInput(field, "\"" + id + "\" is not a valid ID.");
  }
}
