package org.practicemap.graphql;

/**
 * Describes an unexpected failure for the log without the exceptions' messages: those can quote the
 * values that caused them (a name, a phone number from a request), and personal data is never
 * logged. Class names and stack frames are enough to find the fault; the reference ties the log
 * line to what the client was told.
 */
public final class Failures {
  private static final int FRAMES = 12;

  private Failures() {}

  public static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      text.append(depth == 0 ? "" : "\ncaused by ").append(t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
        text.append("\n\tat ").append(frames[i]);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}
