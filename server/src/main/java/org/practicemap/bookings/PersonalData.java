package org.practicemap.bookings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for the personal data a booking holds: how a mobile number is checked and stored, and
 * how a name and a number are masked for everyone but the staff who need them.
 */
public final class PersonalData {
  /** Mainland China mobile numbers: 1, then 3–9, then nine digits; +86 / 0086 may come first. */
  private static final Pattern MOBILE = Pattern.compile("(?:\\+?86|0086)?(1[3-9][0-9]{9})");

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");
  static final int MAX_NAME_LENGTH = 40;

  private PersonalData() {}

  /** The 11-digit number as stored, or null when the text is not a mainland mobile number. */
  public static String normalizePhone(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = MOBILE.matcher(SEPARATORS.matcher(text.trim()).replaceAll(""));
    return m.matches() ? m.group(1) : null;
  }

  /** {@code 13812345678} → {@code 138****5678}. */
  public static String maskPhone(String phone) {
    if (phone == null || phone.length() < 8) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  /** {@code 李小明} → {@code 李*}: the first character, and nothing of the length. */
  public static String maskName(String name) {
    if (name == null || name.isEmpty()) {
      return "*";
    }
    return new String(Character.toChars(name.codePointAt(0))) + "*";
  }

  /**
   * The name as stored: trimmed, inner runs of spaces made one; null when it is empty, longer than
   * {@value #MAX_NAME_LENGTH} characters or holds control characters.
   */
  public static String normalizeName(String text) {
    if (text == null) {
      return null;
    }
    String name = text.strip().replaceAll("\\s+", " ");
    int length = name.codePointCount(0, name.length());
    if (length == 0 || length > MAX_NAME_LENGTH) {
      return null;
    }
    boolean control =
        name.codePoints()
            .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    return control ? null : name;
  }
}
