package org.practicemap.graphql;

import java.util.regex.Pattern;

/**
 * A copy of an exception fit for the log: same classes and stack frames, with the values that
 * messages quote (a bound SQL parameter, a phone number, an ID number) cut out. Driver and library
 * messages quote the data they choked on, e.g. "Parameter at position[1] with value =
 * [13700000001]…", and personal data must never reach a log.
 */
public final class Redacted extends RuntimeException {
  private static final Pattern QUOTED_VALUE = Pattern.compile("(value\\s*=\\s*)\\[[^\\]]*\\]");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d\\s-]{5,}\\d");

  private Redacted(Throwable original, Throwable cause) {
    super(original.getClass().getName() + ": " + redact(original.getMessage()), cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  /** The redacted copy of {@code t} and of its causes. */
  public static Throwable of(Throwable t) {
    if (t == null) {
      return null;
    }
    Throwable cause = t.getCause() == t ? null : of(t.getCause());
    return new Redacted(t, cause);
  }

  public static String redact(String message) {
    if (message == null) {
      return "";
    }
    String text = QUOTED_VALUE.matcher(message).replaceAll("$1[…]");
    return DIGIT_RUN.matcher(text).replaceAll("[…]");
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
