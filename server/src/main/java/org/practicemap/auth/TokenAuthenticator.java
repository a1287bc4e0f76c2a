package org.practicemap.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * Resolves a bearer token to a {@link Caller}: no token is {@link Caller#PUBLIC}; an unknown,
 * expired or revoked one fails with {@code UNAUTHENTICATED}.
 */
public final class TokenAuthenticator {
  private final Sql sql;

  public TokenAuthenticator(Sql sql) {
    this.sql = sql;
  }

  /** {@code token} is the bearer token without the "Bearer " prefix, or null. */
  public Future<Caller> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Future.succeededFuture(Caller.PUBLIC);
    }
    return sql.query(
            "SELECT t.id, t.role, t.kiosk_id, p.path::text AS path FROM api_token t"
                + " LEFT JOIN point p ON p.id = t.point_id"
                + " WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()",
            Tuple.of(io.vertx.core.buffer.Buffer.buffer(Tokens.hash(token.trim()))))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new ApiException(
                    ErrorCode.UNAUTHENTICATED, "This token is unknown, expired or revoked.");
              }
              return caller(rows.iterator().next());
            });
  }

  private static Caller caller(Row row) {
    return new Caller(
        Role.valueOf(row.getString("role")),
        "token:" + row.getLong("id"),
        row.getString("path"),
        row.getString("kiosk_id"));
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
