package org.practicemap.search;

import org.practicemap.graphql.ApiException;

/** The text of a search, checked and normalised before it reaches the database. */
final class SearchText {
  static final int MAX_LENGTH = 100;
  static final int MAX_WORDS = 8;

  private SearchText() {}

  /**
   * Collapses every kind of white space (including the ideographic space U+3000 that Chinese input
   * methods type) into single spaces, and refuses what the index cannot serve: an empty text, one
   * too long, and one with neither a Chinese character nor two letters or digits in a row.
   */
  static String normalize(String text) {
    String normalized = text == null ? "" : text.replaceAll("[\\s\\p{Z}]+", " ").strip();
    if (normalized.isEmpty()) {
      throw ApiException.badInput("text", "Type something to search for.");
    }
    if (normalized.length() > MAX_LENGTH) {
      throw ApiException.badInput(
          "text", "A search text can have at most " + MAX_LENGTH + " characters.");
    }
    if (normalized.split(" ").length > MAX_WORDS) {
      throw ApiException.badInput(
          "text", "A search text can have at most " + MAX_WORDS + " words.");
    }
    if (!searchable(normalized)) {
      throw ApiException.badInput(
          "text", "Type at least one Chinese character, or two letters or digits in a row.");
    }
    return normalized;
  }

  /** Mirrors search_query_grams: a CJK ideograph, or two word characters in a row. */
  private static boolean searchable(String text) {
    boolean previousWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (ideograph(cp)) {
        return true;
      }
      boolean word = wordCharacter(Character.toLowerCase(cp));
      if (word && previousWord) {
        return true;
      }
      previousWord = word;
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean ideograph(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
  }

  /** The word characters of search_grams: a-z, 0-9, Latin letters, Cyrillic, Mongolian script. */
  private static boolean wordCharacter(int cp) {
    return (cp >= 'a' && cp <= 'z')
        || (cp >= '0' && cp <= '9')
        || (cp >= 0x00DF && cp <= 0x024F)
        || (cp >= 0x0430 && cp <= 0x04FF)
        || (cp >= 0x1800 && cp <= 0x18AF);
  }
}
