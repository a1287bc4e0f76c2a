package org.practicemap.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * Resolves a bearer token to a {@link Caller}: no token is {@link Caller#PUBLIC}; an unknown,
 * expired or revoked one fails with {@code UNAUTHENTICATED}.
 *
 * <p>A token found valid is trusted for {@code cacheTtl} (at most 30 s) without asking PostgreSQL
 * again: a kiosk polling every few seconds costs no token lookup. So a revocation made on another
 * replica takes effect here within {@code cacheTtl}; one made through this replica ({@link
 * #forget}) at once. Expiry is checked on every call, cached or not. Unknown tokens are not cached
 * (the rate limit bounds how often they can be tried).
 */
public final class TokenAuthenticator {
  private static final int MAX_CACHED = 50_000;

  private final Sql sql;
  private final long cacheTtlNanos;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
  // Bumped by every forget: a lookup that started before a revocation must not re-cache the token.
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();

  private record Cached(Caller caller, long tokenId, OffsetDateTime expiresAt, long checkedAt) {}

  public TokenAuthenticator(Sql sql) {
    this(sql, Duration.ofSeconds(15));
  }

  public TokenAuthenticator(Sql sql, Duration cacheTtl) {
    if (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException("The token cache keeps tokens 0 to 30 s, not " + cacheTtl);
    }
    this.sql = sql;
    this.cacheTtlNanos = cacheTtl.toNanos();
  }

  /** {@code token} is the bearer token without the "Bearer " prefix, or null. */
  public Future<Caller> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Future.succeededFuture(Caller.PUBLIC);
    }
    byte[] hash = Tokens.hash(token.trim());
    String key = Base64.getEncoder().encodeToString(hash);
    Cached cached = cache.get(key);
    long now = System.nanoTime();
    if (cached != null && now - cached.checkedAt() < cacheTtlNanos) {
      if (cached.expiresAt().isAfter(OffsetDateTime.now())) {
        return Future.succeededFuture(cached.caller());
      }
      cache.remove(key);
      return Future.failedFuture(invalid());
    }
    long seen = generation.get();
    return lookUp(hash)
        .map(
            found -> {
              if (found == null) {
                cache.remove(key);
                throw invalid();
              }
              remember(key, found, now, seen);
              return found.caller();
            });
  }

  /**
   * Whether {@code token} still authenticates as a caller; for long-lived connections (WebSockets)
   * that checked it once at the start. Fails like {@link #authenticate}.
   */
  public Future<Caller> revalidate(String token) {
    return authenticate(token);
  }

  /** Drops a token from this replica's cache, e.g. when it is revoked here. */
  public void forget(long tokenId) {
    generation.incrementAndGet();
    cache.values().removeIf(c -> c.tokenId() == tokenId);
  }

  /**
   * Drops every cached token, so the next requests read scope paths afresh (after points moved).
   */
  public void forgetAll() {
    generation.incrementAndGet();
    cache.clear();
  }

  private Future<Cached> lookUp(byte[] hash) {
    return sql.query(
            "SELECT t.id, t.role, t.kiosk_id, t.expires_at, p.path::text AS path FROM api_token t"
                + " LEFT JOIN point p ON p.id = t.point_id"
                + " WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()",
            Tuple.of(Buffer.buffer(hash)))
        .map(rows -> rows.size() == 0 ? null : cached(rows.iterator().next()));
  }

  private void remember(String key, Cached found, long now, long seen) {
    if (cacheTtlNanos == 0 || generation.get() != seen) {
      return;
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, new Cached(found.caller(), found.tokenId(), found.expiresAt(), now));
  }

  private static Cached cached(Row row) {
    long id = row.getLong("id");
    Caller caller =
        new Caller(
            Role.valueOf(row.getString("role")),
            "token:" + id,
            row.getString("path"),
            row.getString("kiosk_id"));
    return new Cached(caller, id, row.getOffsetDateTime("expires_at"), 0);
  }

  private static ApiException invalid() {
    return new ApiException(
        ErrorCode.UNAUTHENTICATED, "This token is unknown, expired or revoked.");
  }

  /** The token of an {@code Authorization: Bearer …} header value, or null. */
  public static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
  }
}
