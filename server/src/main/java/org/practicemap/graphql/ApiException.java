package org.practicemap.graphql;

import java.util.Map;

/**
 * An expected failure with a message meant for a person: bad input, not found, forbidden… Fetchers
 * fail their future with it; the error handler turns it into a GraphQL error with {@code
 * extensions.code} and never logs it as a fault. No stack trace is captured.
 */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> extensions;

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public ApiException(ErrorCode code, String message, Map<String, Object> extensions) {
    super(message, null, false, false);
    this.code = code;
    this.extensions = Map.copyOf(extensions);
  }

  public static ApiException badInput(String message) {
    return new ApiException(ErrorCode.BAD_USER_INPUT, message);
  }

  /** Bad input in one named argument or input field, e.g. {@code filter.themeCode}. */
  public static ApiException badInput(String field, String message) {
    return new ApiException(ErrorCode.BAD_USER_INPUT, message, Map.of("field", field));
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra extension entries besides {@code code}, e.g. {@code field}. */
  public Map<String, Object> extensions() {
    return extensions;
  }
}
