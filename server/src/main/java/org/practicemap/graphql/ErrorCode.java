package org.practicemap.graphql;

/** The values of {@code extensions.code} on every error the API returns. */
public enum ErrorCode {
  BAD_USER_INPUT,
  NOT_FOUND,
  UNAUTHENTICATED,
  FORBIDDEN,
  CONFLICT,
  RATE_LIMITED,
  INTERNAL
}
