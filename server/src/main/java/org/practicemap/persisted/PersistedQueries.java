package org.practicemap.persisted;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.practicemap.Config;
import org.practicemap.auth.Role;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.RequestContext;

/**
 * Apollo's automatic persisted queries over a bounded cache, with an allow-list mode.
 *
 * <p>A client sends {@code extensions.persistedQuery = {version: 1, sha256Hash}} without the query;
 * when the server does not know the hash it answers {@code PersistedQueryNotFound} and the client
 * sends the hash again with the query, which registers it. Plain queries are cached by the hash of
 * their text too, so the server parses and validates a document once, not on every request.
 *
 * <p>In {@link Config.PersistedQueryMode#ALLOWLIST} mode a caller without a token may run only the
 * {@link RegisteredQueries}: anything else is refused with {@code PERSISTED_QUERY_NOT_IN_LIST}.
 * Callers with a token (operators, integrators, kiosks) are known, rate-limited and revocable, and
 * may still send any query.
 */
public final class PersistedQueries extends ApolloPersistedQuerySupport {
  private final Config.PersistedQueryMode mode;
  private final DocumentCache cache;

  public PersistedQueries(
      Config.PersistedQueryMode mode, RegisteredQueries registered, int cacheSize) {
    this(mode, new DocumentCache(registered, cacheSize));
  }

  private PersistedQueries(Config.PersistedQueryMode mode, DocumentCache cache) {
    super(cache);
    this.mode = mode;
    this.cache = cache;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    Object extension = input.getExtensions().get("persistedQuery");
    if (extension != null && !wellFormed(extension)) {
      return refuse(
          ErrorCode.BAD_USER_INPUT,
          "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<64 hex digits>\"}.");
    }
    String hash =
        extension != null ? hashOf(extension).toLowerCase() : Sha256.hex(input.getQuery());
    if (mustBeRegistered(input) && !cache.isRegistered(hash)) {
      return refuse(
          ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
          "This server runs only registered queries for callers without a token; this one is not"
              + " registered.");
    }
    if (extension != null) {
      return super.getDocumentAsync(input, parseAndValidate);
    }
    return CompletableFuture.completedFuture(
        cache.plain(hash, input.getQuery(), () -> parseAndValidate.apply(input)));
  }

  @Override
  protected Optional<Object> getPersistedQueryId(ExecutionInput input) {
    Object extension = input.getExtensions().get("persistedQuery");
    return extension == null ? Optional.empty() : Optional.of(hashOf(extension));
  }

  /** Apollo clients look for this message or code to resend the query with its text. */
  @Override
  protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
    if (error instanceof PersistedQueryIdInvalid) {
      return entry(
          ErrorCode.BAD_USER_INPUT,
          "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.");
    }
    return entry(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
  }

  /** The number of documents in the bounded cache (registered ones not counted). */
  public int cachedDocuments() {
    return cache.size();
  }

  private boolean mustBeRegistered(ExecutionInput input) {
    if (mode != Config.PersistedQueryMode.ALLOWLIST) {
      return false;
    }
    RequestContext context = input.getGraphQLContext().get(RequestContext.class);
    return context == null || context.caller().role() == Role.PUBLIC;
  }

  private static boolean wellFormed(Object extension) {
    return extension instanceof Map<?, ?> map
        && map.get("version") instanceof Number version
        && version.intValue() == 1
        && Sha256.isHash(map.get("sha256Hash"));
  }

  private static String hashOf(Object extension) {
    return (String) ((Map<?, ?>) extension).get("sha256Hash");
  }

  private static CompletableFuture<PreparsedDocumentEntry> refuse(ErrorCode code, String message) {
    return CompletableFuture.completedFuture(entry(code, message));
  }

  private static PreparsedDocumentEntry entry(ErrorCode code, String message) {
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .message(message)
            .extensions(Map.of("code", code.name()))
            .build();
    return new PreparsedDocumentEntry(error);
  }
}
