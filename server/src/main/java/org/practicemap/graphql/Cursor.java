package org.practicemap.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * A keyset cursor: the sort key of the last row seen, as opaque base64url. Pages then start with
 * {@code WHERE (sort key) > (cursor)}, which stays fast at any depth, unlike OFFSET.
 */
public record Cursor(long[] keys) {

  public static String encode(long... keys) {
    String text = Arrays.stream(keys).mapToObj(Long::toString).collect(Collectors.joining(":"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("c:" + text).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor of {@code parts} keys; anything else is a {@code BAD_USER_INPUT} error. */
  public static Cursor decode(String cursor, int parts) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith("c:")) {
        throw new IllegalArgumentException();
      }
      String[] fields = text.substring(2).split(":", -1);
      if (fields.length != parts) {
        throw new IllegalArgumentException();
      }
      return new Cursor(Arrays.stream(fields).mapToLong(Long::parseLong).toArray());
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput(
          "after", "\"" + cursor + "\" is not a cursor of this list; use a returned endCursor.");
    }
  }

  /** Whether {@code cursor} is a cursor of {@code parts} keys (to recognise an older format). */
  public static boolean decodes(String cursor, int parts) {
    try {
      decode(cursor, parts);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  public long key(int i) {
    return keys[i];
  }
}
