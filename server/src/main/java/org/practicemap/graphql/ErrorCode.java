package org.practicemap.graphql;

/** The values of {@code extensions.code} on every error the API returns. */
public enum ErrorCode {
  BAD_USER_INPUT,
  NOT_FOUND,
  UNAUTHENTICATED,
  FORBIDDEN,
  CONFLICT,
  RATE_LIMITED,
  INTERNAL,
  /**
   * A persisted query's hash the server does not know: send it again with its text (Apollo's
   * automatic persisted queries; the message is {@code PersistedQueryNotFound}).
   */
  PERSISTED_QUERY_NOT_FOUND,
  /** In allow-list mode, a caller without a token sent a query that is not registered. */
  PERSISTED_QUERY_NOT_IN_LIST
}
