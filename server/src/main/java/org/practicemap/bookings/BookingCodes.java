package org.practicemap.bookings;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Ticket codes: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn with
 * {@link SecureRandom}. 31^10 ≈ 2^49.5 codes: at a million live tickets, a guess hits one about
 * once in 800 million tries, and every try is a request. Short enough to read out and type.
 */
public final class BookingCodes {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 10;
  private static final SecureRandom random = new SecureRandom();

  private BookingCodes() {}

  public static String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** Bits of randomness in a code. */
  static double bits() {
    return LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
  }

  /**
   * The code as stored, from what a person typed or a scanner read: case, spaces and dashes do not
   * matter, and the text of a ticket's QR code (a URL ending in {@code /t/<code>}) is accepted.
   * Null when it cannot be a code.
   */
  public static String normalize(String input) {
    if (input == null) {
      return null;
    }
    String text = input.trim();
    int ticket = text.lastIndexOf("/t/");
    if (ticket >= 0) {
      text = text.substring(ticket + 3);
    }
    int query = text.indexOf('?');
    if (query >= 0) {
      text = text.substring(0, query);
    }
    String code = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return null;
      }
    }
    return code;
  }
}
