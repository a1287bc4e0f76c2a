package org.practicemap.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.List;
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
  private static final String INSERT =
      "INSERT INTO audit_log (actor, role, action, target_type, target_id, before, after)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7)";

  private AuditLog() {}

  /** One change to record: who made it, what, and the row before and after. */
  public record Entry(
      Caller caller,
      String action,
      String targetType,
      String targetId,
      JsonObject before,
      JsonObject after) {}

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
    return tx.query(INSERT, row(new Entry(caller, action, targetType, targetId, before, after)))
        .mapEmpty();
  }

  /**
   * Records many changes in one round trip (a batch of bookings decided together); the entries of
   * public callers are left out, and nothing is sent when none is left.
   */
  public static Future<Void> recordAll(Sql tx, List<Entry> entries) {
    List<Tuple> rows =
        entries.stream().filter(e -> e.caller().role() != Role.PUBLIC).map(AuditLog::row).toList();
    return rows.isEmpty() ? Future.succeededFuture() : tx.batch(INSERT, rows).mapEmpty();
  }

  private static Tuple row(Entry e) {
    return Tuple.tuple()
        .addValue(e.caller().subject())
        .addValue(e.caller().role().name())
        .addValue(e.action())
        .addValue(e.targetType())
        .addValue(e.targetId())
        .addValue(e.before())
        .addValue(e.after());
  }
}
