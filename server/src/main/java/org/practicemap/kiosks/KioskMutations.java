package org.practicemap.kiosks;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.auth.TokenAuthenticator;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GlobalId;

/**
 * Registering, configuring and removing kiosks: a MANAGER's work within their part of the network
 * (the kiosk's point must be in it, before and after a move), each change in one transaction with
 * its audit-log entry. The {@code kiosk} row's trigger tells the screens.
 */
final class KioskMutations {
  private final Sql sql;
  private final TokenAuthenticator tokens;

  KioskMutations(Sql sql, TokenAuthenticator tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** The result of {@code removeKiosk}. */
  record Removed(String id, int revokedTokens) {}

  Future<Kiosk> register(Caller caller, KioskInput.Registration in) {
    caller.requireRole(Role.MANAGER);
    KioskSettings s = in.settings();
    return sql.transaction(
        tx ->
            requirePoint(tx, caller, s.pointId(), "input.pointId")
                .compose(ok -> insert(tx, in))
                .compose(ok -> load(tx, in.id()))
                .compose(
                    kiosk ->
                        AuditLog.record(
                                tx,
                                caller,
                                "kiosk.register",
                                "Kiosk",
                                kiosk.id(),
                                null,
                                kiosk.toJson())
                            .map(kiosk)));
  }

  Future<Kiosk> update(Caller caller, KioskInput.Update in) {
    caller.requireRole(Role.MANAGER);
    return sql.transaction(
        tx ->
            lock(tx, caller, in.id())
                .compose(
                    before -> {
                      checkVersion(before, in.expectedVersion());
                      KioskSettings after = in.over(before.settings());
                      if (after.equals(before.settings())) {
                        return Future.succeededFuture(before); // nothing to tell the screen
                      }
                      Future<Void> moved =
                          after.pointId() == before.settings().pointId()
                              ? Future.succeededFuture()
                              : requirePoint(tx, caller, after.pointId(), "input.pointId");
                      return moved
                          .compose(ok -> write(tx, in.id(), after))
                          .compose(ok -> load(tx, in.id()))
                          .compose(
                              kiosk ->
                                  AuditLog.record(
                                          tx,
                                          caller,
                                          "kiosk.update",
                                          "Kiosk",
                                          kiosk.id(),
                                          before.toJson(),
                                          kiosk.toJson())
                                      .map(kiosk));
                    }));
  }

  /** Removes the kiosk and revokes its tokens: a screen taken away must not keep its access. */
  Future<Removed> remove(Caller caller, String id) {
    caller.requireRole(Role.MANAGER);
    return sql.transaction(
            tx ->
                lock(tx, caller, id)
                    .compose(
                        before ->
                            revokeTokens(tx, id)
                                .compose(
                                    revoked ->
                                        tx.query("DELETE FROM kiosk WHERE id = $1", Tuple.of(id))
                                            .compose(
                                                ok ->
                                                    AuditLog.record(
                                                        tx,
                                                        caller,
                                                        "kiosk.remove",
                                                        "Kiosk",
                                                        id,
                                                        before
                                                            .toJson()
                                                            .put("revokedTokens", revoked.size()),
                                                        null))
                                            .map(revoked))))
        .map(
            revoked -> {
              // After the commit: this replica stops trusting them at once, others within the
              // token cache's lifetime (TOKEN_CACHE_SECONDS).
              revoked.forEach(tokens::forget);
              return new Removed(id, revoked.size());
            });
  }

  /** Revokes the kiosk's live KIOSK tokens; their ids. */
  private static Future<List<Long>> revokeTokens(Sql tx, String kioskId) {
    return tx.query(
            "UPDATE api_token SET revoked_at = now() WHERE kiosk_id = $1 AND role = 'KIOSK'"
                + " AND revoked_at IS NULL RETURNING id",
            Tuple.of(kioskId))
        .map(
            rows -> {
              List<Long> ids = new ArrayList<>();
              rows.forEach(row -> ids.add(row.getLong("id")));
              return ids;
            });
  }

  /** The kiosk, locked against a concurrent change; the caller must cover its point. */
  private static Future<Kiosk> lock(Sql tx, Caller caller, String id) {
    return tx.query(
            "SELECT p.path::text AS path FROM kiosk k JOIN point p ON p.id = k.point_id"
                + " WHERE k.id = $1 FOR UPDATE OF k",
            Tuple.of(id))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                throw ApiException.notFound("There is no kiosk with the ID \"" + id + "\".");
              }
              caller.require(Role.MANAGER, rows.iterator().next().getString("path"));
              return load(tx, id);
            });
  }

  /** The point exists (NOT_FOUND otherwise) and the caller covers it; it cannot move meanwhile. */
  private static Future<Void> requirePoint(Sql tx, Caller caller, long pointId, String field) {
    return tx.query(
            "SELECT path::text AS path FROM point WHERE id = $1 FOR SHARE", Tuple.of(pointId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new ApiException(
                    ErrorCode.NOT_FOUND,
                    "There is no point with the ID " + GlobalId.of("Point", pointId) + ".",
                    Map.of("field", field));
              }
              caller.require(Role.MANAGER, rows.iterator().next().getString("path"));
              return null;
            });
  }

  private static void checkVersion(Kiosk kiosk, Integer expected) {
    if (expected != null && expected != kiosk.version()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "The kiosk has changed since version "
              + expected
              + " (it is at version "
              + kiosk.version()
              + "): load it again and repeat the change.",
          Map.of("field", "input.expectedVersion"));
    }
  }

  private static Future<Void> insert(Sql tx, KioskInput.Registration in) {
    return tx.query(
            "INSERT INTO kiosk (id, point_id, name_zh, name_mn, name_en, override_lat,"
                + " override_lng, default_lang, bilingual, theme_codes, orientation,"
                + " radius_meters, tile_url, idle_seconds)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
                + " ON CONFLICT DO NOTHING RETURNING id",
            args(in.id(), in.settings()))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new ApiException(
                    ErrorCode.CONFLICT,
                    "A kiosk with the ID \""
                        + in.id()
                        + "\" exists already (IDs are unique regardless of case): choose"
                        + " another.",
                    Map.of("field", "input.id"));
              }
              return null;
            });
  }

  private static Future<Void> write(Sql tx, String id, KioskSettings s) {
    return tx.query(
            "UPDATE kiosk SET point_id = $2, name_zh = $3, name_mn = $4, name_en = $5,"
                + " override_lat = $6, override_lng = $7, default_lang = $8, bilingual = $9,"
                + " theme_codes = $10, orientation = $11, radius_meters = $12, tile_url = $13,"
                + " idle_seconds = $14 WHERE id = $1",
            args(id, s))
        .mapEmpty();
  }

  /** $1 the id, $2…$14 the settings in column order: for insert and write alike. */
  private static Tuple args(String id, KioskSettings s) {
    Object[] values = {
      id,
      s.pointId(),
      s.name().zh(),
      s.name().mn(),
      s.name().en(),
      s.locationOverride() == null ? null : s.locationOverride().lat(),
      s.locationOverride() == null ? null : s.locationOverride().lng(),
      s.defaultLang().name(),
      s.bilingual(),
      s.themeCodes().toArray(String[]::new),
      s.orientation().name(),
      s.radiusMeters(),
      s.tileUrl(),
      s.idleSeconds()
    };
    Tuple tuple = Tuple.tuple();
    for (Object value : values) {
      tuple.addValue(value);
    }
    return tuple;
  }

  private static Future<Kiosk> load(Sql tx, String id) {
    return new KioskRepository(tx).byIds(List.of(id)).map(m -> m.get(id));
  }
}
