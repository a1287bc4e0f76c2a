package org.practicemap.audit;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.practicemap.auth.Role;
import org.practicemap.db.Sql;
import org.practicemap.db.Where;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Cursor;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.PageRequest;
import org.practicemap.graphql.RequestContext;

/** {@code auditLog}: the changes made with tokens, newest first, for ADMIN only. */
public final class AuditFeature implements Feature {
  private final Sql sql;

  public AuditFeature(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", t -> t.dataFetcher("auditLog", this::auditLog));
    wiring.type(
        "AuditEntry",
        t ->
            t.dataFetcher("id", env -> GlobalId.of("AuditEntry", env.<AuditEntry>getSource().id()))
                .dataFetcher("before", env -> json(env.<AuditEntry>getSource().before()))
                .dataFetcher("after", env -> json(env.<AuditEntry>getSource().after())));
  }

  private static Object json(io.vertx.core.json.JsonObject value) {
    return value == null ? null : value.getMap();
  }

  private Future<Connection<AuditEntry>> auditLog(DataFetchingEnvironment env) {
    RequestContext.of(env).caller().requireRole(Role.ADMIN);
    Where where = where(env.getArgument("filter"));
    Where count = where.copy();
    PageRequest page = PageRequest.from(env);
    Cursor after = page.cursor(1);
    if (after != null) {
      where.and("l.id < $?", after.key(0));
    }
    String query =
        "SELECT "
            + AuditEntry.COLUMNS
            + AuditEntry.FROM
            + where.sql()
            + " ORDER BY l.id DESC LIMIT $"
            + where.param(page.limit());
    return sql.query(query, where.args())
        .map(
            rows -> {
              List<AuditEntry> entries = new ArrayList<>();
              rows.forEach(row -> entries.add(AuditEntry.from(row)));
              return Connection.of(
                  entries,
                  page,
                  e -> Cursor.encode(e.id()),
                  () ->
                      sql.query("SELECT count(*) FROM audit_log l" + count.sql(), count.args())
                          .map(r -> r.iterator().next().getLong(0).intValue()));
            });
  }

  private static Where where(Map<String, Object> filter) {
    Where where = new Where();
    if (filter == null) {
      return where;
    }
    condition(where, "l.actor = $?", filter.get("actor"));
    condition(where, "l.action = $?", filter.get("action"));
    condition(where, "l.target_type = $?", filter.get("targetType"));
    condition(where, "l.target_id = $?", filter.get("targetId"));
    condition(where, "l.at >= $?", filter.get("from"));
    condition(where, "l.at < $?", filter.get("to"));
    OffsetDateTime from = (OffsetDateTime) filter.get("from");
    OffsetDateTime to = (OffsetDateTime) filter.get("to");
    if (from != null && to != null && !to.isAfter(from)) {
      throw org.practicemap.graphql.ApiException.badInput(
          "filter.to", "The time range is empty: to must be after from.");
    }
    return where;
  }

  private static void condition(Where where, String sql, Object value) {
    if (value != null) {
      where.and(sql, value);
    }
  }
}
