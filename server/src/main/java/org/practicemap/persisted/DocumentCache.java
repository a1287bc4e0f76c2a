package org.practicemap.persisted;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Parsed and validated documents by the SHA-256 of their text. The registered queries are always
 * known (parsed on first use and kept); any other document goes to a bounded least-recently-used
 * cache, so clients registering queries of their own can never grow the server's memory without
 * limit. Documents longer than {@link #MAX_CACHED_CHARS} are parsed every time instead of cached.
 */
final class DocumentCache implements PersistedQueryCache {
  static final int MAX_CACHED_CHARS = 20_000;

  private final RegisteredQueries registered;
  private final Map<String, PreparsedDocumentEntry> registeredDocuments = new ConcurrentHashMap<>();
  private final Map<String, PreparsedDocumentEntry> recent;

  DocumentCache(RegisteredQueries registered, int maxEntries) {
    this.registered = registered;
    this.recent = new Lru(maxEntries);
  }

  boolean isRegistered(String hash) {
    return registered.contains(hash.toLowerCase());
  }

  /**
   * Apollo's protocol: a known hash gives its document whatever text came with it; an unknown one
   * needs its text (the cache miss then checks that the text has this hash, parses and validates).
   */
  @Override
  public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(
      Object persistedQueryId, ExecutionInput input, PersistedQueryCacheMiss onCacheMiss) {
    String hash = persistedQueryId.toString().toLowerCase();
    String text = input.getQuery();
    boolean withText =
        text != null
            && !text.isBlank()
            && !text.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
    return CompletableFuture.completedFuture(
        document(
            hash,
            withText ? text : null,
            () -> {
              if (!withText) {
                throw new PersistedQueryNotFound(persistedQueryId);
              }
              return onCacheMiss.apply(text);
            },
            onCacheMiss));
  }

  /** A document sent as plain text, cached by the hash of that text. */
  PreparsedDocumentEntry plain(
      String hash, String text, Supplier<PreparsedDocumentEntry> parseAndValidate) {
    return document(hash, text, parseAndValidate, sameText -> parseAndValidate.get());
  }

  private PreparsedDocumentEntry document(
      String hash,
      String text,
      Supplier<PreparsedDocumentEntry> parseSent,
      PersistedQueryCacheMiss parseText) {
    var known = registered.get(hash);
    if (known.isPresent()) {
      PreparsedDocumentEntry entry = registeredDocuments.get(hash);
      if (entry == null) {
        entry = parseText.apply(known.get().text());
        registeredDocuments.put(hash, entry);
      }
      return entry;
    }
    PreparsedDocumentEntry entry;
    synchronized (recent) {
      entry = recent.get(hash);
    }
    if (entry != null) {
      return entry;
    }
    // Parsed outside the lock: a slow parse must not hold up other requests.
    entry = parseSent.get();
    if (text != null && text.length() <= MAX_CACHED_CHARS) {
      synchronized (recent) {
        recent.put(hash, entry);
      }
    }
    return entry;
  }

  int size() {
    synchronized (recent) {
      return recent.size();
    }
  }

  /** An access-ordered map that drops its least recently used entry beyond its capacity. */
  private static final class Lru extends LinkedHashMap<String, PreparsedDocumentEntry> {
    private final int capacity;

    Lru(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
      return size() > capacity;
    }
  }
}
