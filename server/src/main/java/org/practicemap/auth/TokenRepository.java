package org.practicemap.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.audit.AuditLog;
import org.practicemap.db.Sql;
import org.practicemap.db.Where;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Cursor;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.PageRequest;

/** Issues, revokes and lists API tokens; each change is audited in its transaction. */
public final class TokenRepository {
  /** A token just issued: its text (shown once) and its stored row. */
  public record Issued(String token, ApiToken apiToken) {}

  /** Which tokens to list; null fields do not filter. */
  public record Filter(Role role, String status, Long pointId) {
    public static final Filter NONE = new Filter(null, null, null);
  }

  private final Sql sql;

  public TokenRepository(Sql sql) {
    this.sql = sql;
  }

  /** Issues a token in {@code tx}; {@code spec} must be checked. */
  public Future<Issued> create(Sql tx, TokenSpec spec, Caller by) {
    String token = Tokens.newToken();
    return requirePoint(tx, spec.pointId())
        .compose(ok -> requireKiosk(tx, spec.kioskId()))
        .compose(
            ok ->
                tx.query(
                    "INSERT INTO api_token AS t (token_hash, role, point_id, kiosk_id, label,"
                        + " created_by, expires_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))"
                        + " RETURNING "
                        + ApiToken.COLUMNS,
                    Tuple.tuple()
                        .addValue(Buffer.buffer(Tokens.hash(token)))
                        .addValue(spec.role().name())
                        .addValue(spec.pointId())
                        .addValue(spec.kioskId())
                        .addValue(spec.label())
                        .addValue(by.subject())
                        .addValue(spec.days())))
        .map(rows -> ApiToken.from(rows.iterator().next()))
        .compose(
            created ->
                AuditLog.record(
                        tx,
                        by,
                        "createApiToken",
                        "ApiToken",
                        GlobalId.of("ApiToken", created.id()),
                        null,
                        created.toJson())
                    .map(v -> new Issued(token, created)));
  }

  /** Revokes a token; revoking a revoked one changes nothing and is not audited again. */
  public Future<ApiToken> revoke(Sql tx, long id, Caller by) {
    return tx.query(
            "SELECT " + ApiToken.COLUMNS + " FROM api_token t WHERE t.id = $1 FOR UPDATE",
            Tuple.of(id))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                throw ApiException.notFound(
                    "There is no token with the ID " + GlobalId.of("ApiToken", id) + ".");
              }
              ApiToken before = ApiToken.from(rows.iterator().next());
              if (before.revokedAt() != null) {
                return Future.succeededFuture(before);
              }
              return tx.query(
                      "UPDATE api_token t SET revoked_at = now() WHERE t.id = $1 RETURNING "
                          + ApiToken.COLUMNS,
                      Tuple.of(id))
                  .map(r -> ApiToken.from(r.iterator().next()))
                  .compose(
                      after ->
                          AuditLog.record(
                                  tx,
                                  by,
                                  "revokeApiToken",
                                  "ApiToken",
                                  GlobalId.of("ApiToken", id),
                                  before.toJson(),
                                  after.toJson())
                              .map(v -> after));
            });
  }

  public Future<ApiToken> byId(long id) {
    return sql.query(
            "SELECT " + ApiToken.COLUMNS + " FROM api_token t WHERE t.id = $1", Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : ApiToken.from(rows.iterator().next()));
  }

  /** A page of tokens, newest first; the cursor is the id. */
  public Future<Connection<ApiToken>> list(Filter filter, PageRequest page) {
    Where where = where(filter);
    Where count = where.copy();
    Cursor after = page.cursor(1);
    if (after != null) {
      where.and("t.id < $?", after.key(0));
    }
    String query =
        "SELECT "
            + ApiToken.COLUMNS
            + " FROM api_token t"
            + where.sql()
            + " ORDER BY t.id DESC LIMIT $"
            + where.param(page.limit());
    return sql.query(query, where.args())
        .map(
            rows -> {
              List<ApiToken> tokens = new ArrayList<>();
              rows.forEach(row -> tokens.add(ApiToken.from(row)));
              return Connection.of(
                  tokens,
                  page,
                  t -> Cursor.encode(t.id()),
                  () ->
                      sql.query("SELECT count(*) FROM api_token t" + count.sql(), count.args())
                          .map(r -> r.iterator().next().getLong(0).intValue()));
            });
  }

  private static Where where(Filter filter) {
    Where where = new Where();
    if (filter.role() != null) {
      where.and("t.role = $?", filter.role().name());
    }
    if (filter.pointId() != null) {
      where.and("t.point_id = $?", filter.pointId());
    }
    if (filter.status() != null) {
      where.and(
          switch (filter.status()) {
            case "REVOKED" -> "t.revoked_at IS NOT NULL";
            case "EXPIRED" -> "t.revoked_at IS NULL AND t.expires_at <= now()";
            default -> "t.revoked_at IS NULL AND t.expires_at > now()";
          });
    }
    return where;
  }

  /**
   * A KIOSK token is for a registered kiosk. The row stays locked until the token is in, so a
   * concurrent removeKiosk either comes first (and this fails) or revokes this token too.
   */
  private static Future<Void> requireKiosk(Sql tx, String kioskId) {
    if (kioskId == null) {
      return Future.succeededFuture();
    }
    return tx.query("SELECT 1 FROM kiosk WHERE id = $1 FOR SHARE", Tuple.of(kioskId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new ApiException(
                    ErrorCode.BAD_USER_INPUT,
                    "There is no kiosk with the ID \""
                        + kioskId
                        + "\": register it first (registerKiosk), then issue its token.",
                    java.util.Map.of("field", "input.kioskId"));
              }
              return null;
            });
  }

  private static Future<Void> requirePoint(Sql tx, Long pointId) {
    if (pointId == null) {
      return Future.succeededFuture();
    }
    return tx.query("SELECT 1 FROM point WHERE id = $1", Tuple.of(pointId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new ApiException(
                    ErrorCode.BAD_USER_INPUT,
                    "There is no point with the ID " + GlobalId.of("Point", pointId) + ".",
                    java.util.Map.of("field", "input.pointId"));
              }
              return null;
            });
  }
}
