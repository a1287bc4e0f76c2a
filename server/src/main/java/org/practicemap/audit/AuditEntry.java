package org.practicemap.audit;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.practicemap.common.LocalZone;

/** One change as the audit log keeps it. */
public record AuditEntry(
    long id,
    OffsetDateTime at,
    String actor,
    String actorLabel,
    String role,
    String action,
    String targetType,
    String targetId,
    JsonObject before,
    JsonObject after) {

  static final String COLUMNS =
      "l.id, l.at, l.actor, t.label AS actor_label, l.role, l.action, l.target_type,"
          + " l.target_id, l.before, l.after";

  /**
   * The actor's token, when the actor was one ({@code token:<id>}). The token's ID is turned into
   * text, not the actor into a number: PostgreSQL does not promise to test a {@code LIKE} before a
   * cast, and {@code cli:root} (a change made on the command line) cast to bigint fails the whole
   * query.
   */
  static final String FROM =
      " FROM audit_log l LEFT JOIN api_token t ON l.actor = 'token:' || t.id";

  static AuditEntry from(Row row) {
    return new AuditEntry(
        row.getLong("id"),
        LocalZone.offsetTime(row.getOffsetDateTime("at")),
        row.getString("actor"),
        row.getString("actor_label"),
        row.getString("role"),
        row.getString("action"),
        row.getString("target_type"),
        row.getString("target_id"),
        (JsonObject) row.getValue("before"),
        (JsonObject) row.getValue("after"));
  }
}
