package org.practicemap.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.db.Sql;

/**
 * Records a change made by a non-public caller, in the same transaction as the change, so the log
 * never shows a change that did not happen nor misses one that did. {@code before} and {@code
 * after} are the row as JSON (null for a creation or a deletion); personal data (booking names,
 * phone numbers) must be left out of them.
 */
public final class AuditLog {
  private AuditLog() {}

  public static Future<Void> record(
      Sql tx,
      Caller caller,
      String action,
      String targetType,
      String targetId,
      JsonObject before,
      JsonObject after) {
    if (caller.role() == Role.PUBLIC) {
      return Future.succeededFuture();
    }
    return tx.query(
            "INSERT INTO audit_log (actor, role, action, target_type, target_id, before, after)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7)",
            Tuple.tuple()
                .addValue(caller.subject())
                .addValue(caller.role().name())
                .addValue(action)
                .addValue(targetType)
                .addValue(targetId)
                .addValue(before)
                .addValue(after))
        .mapEmpty();
  }
}
