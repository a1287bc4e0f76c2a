package org.practicemap.routes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;

/**
 * Creating, replacing and deleting curated routes: a MANAGER's work within their part of the
 * network (the route's owner point must be in it, before and after a change), each change in one
 * transaction with its audit-log entry.
 */
final class RouteMutations {
  private final Sql sql;

  RouteMutations(Sql sql) {
    this.sql = sql;
  }

  Future<Route> create(Caller caller, RouteInput input) {
    caller.requireRole(Role.MANAGER);
    return sql.transaction(
        tx ->
            checkPoints(tx, caller, input)
                .compose(ok -> insertRoute(tx, input))
                .compose(id -> insertStops(tx, id, input).map(id))
                .compose(id -> load(tx, id))
                .compose(
                    route ->
                        AuditLog.record(
                                tx,
                                caller,
                                "route.create",
                                "Route",
                                globalId(route),
                                null,
                                json(route))
                            .map(route)));
  }

  Future<Route> update(Caller caller, long id, RouteInput input) {
    caller.requireRole(Role.MANAGER);
    return sql.transaction(
        tx ->
            lockExisting(tx, caller, id)
                .compose(
                    before ->
                        checkPoints(tx, caller, input)
                            .compose(ok -> updateRoute(tx, id, input))
                            .compose(
                                ok ->
                                    tx.query(
                                        "DELETE FROM route_stop WHERE route_id = $1", Tuple.of(id)))
                            .compose(ok -> insertStops(tx, id, input))
                            .compose(ok -> load(tx, id))
                            .compose(
                                after ->
                                    AuditLog.record(
                                            tx,
                                            caller,
                                            "route.update",
                                            "Route",
                                            globalId(after),
                                            json(before),
                                            json(after))
                                        .map(after))));
  }

  Future<String> delete(Caller caller, long id) {
    caller.requireRole(Role.MANAGER);
    return sql.transaction(
        tx ->
            lockExisting(tx, caller, id)
                .compose(
                    before ->
                        tx.query("DELETE FROM route WHERE id = $1", Tuple.of(id))
                            .compose(
                                ok ->
                                    AuditLog.record(
                                        tx,
                                        caller,
                                        "route.delete",
                                        "Route",
                                        globalId(before),
                                        json(before),
                                        null))
                            .map(ok -> globalId(before))));
  }

  /** The route as it is, locked against a concurrent change; the caller must cover its owner. */
  private Future<Route> lockExisting(Sql tx, Caller caller, long id) {
    return tx.query(
            "SELECT p.path::text AS path FROM route r JOIN point p ON p.id = r.owner_point_id"
                + " WHERE r.id = $1 FOR UPDATE OF r",
            Tuple.of(id))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(
                    ApiException.notFound(
                        "There is no route with the ID " + GlobalId.of("Route", id) + "."));
              }
              caller.require(Role.MANAGER, rows.iterator().next().getString("path"));
              return load(tx, id);
            });
  }

  /** Every stop and the owner exist; the caller covers the owner; the theme board exists. */
  private Future<Void> checkPoints(Sql tx, Caller caller, RouteInput input) {
    List<Long> ids = new ArrayList<>();
    ids.add(input.ownerPointId());
    input.stops().forEach(s -> ids.add(s.pointId()));
    Future<Map<Long, String>> paths =
        tx.query(
                "SELECT id, path::text AS path FROM point WHERE id = ANY($1)",
                Tuple.of(ids.toArray(Long[]::new)))
            .map(
                rows -> {
                  Map<Long, String> byId = new HashMap<>();
                  for (Row row : rows) {
                    byId.put(row.getLong("id"), row.getString("path"));
                  }
                  return byId;
                });
    Future<Boolean> theme =
        input.themeCode() == null
            ? Future.succeededFuture(true)
            : tx.query("SELECT 1 FROM theme WHERE code = $1", Tuple.of(input.themeCode()))
                .map(rows -> rows.size() > 0);
    return Future.all(paths, theme)
        .compose(
            all -> {
              Map<Long, String> found = paths.result();
              if (!found.containsKey(input.ownerPointId())) {
                return Future.failedFuture(
                    ApiException.badInput("input.ownerPointId", "There is no such point."));
              }
              for (int i = 0; i < input.stops().size(); i++) {
                if (!found.containsKey(input.stops().get(i).pointId())) {
                  return Future.failedFuture(
                      ApiException.badInput(
                          "input.stops[" + i + "].pointId", "There is no such point."));
                }
              }
              if (!theme.result()) {
                return Future.failedFuture(
                    ApiException.badInput(
                        "input.themeCode",
                        "There is no theme board with the code \"" + input.themeCode() + "\"."));
              }
              caller.require(Role.MANAGER, found.get(input.ownerPointId()));
              return Future.succeededFuture();
            });
  }

  private static Future<Long> insertRoute(Sql tx, RouteInput in) {
    return tx.query(
            "INSERT INTO route (owner_point_id, theme_code, mode, name_zh, name_mn, name_en,"
                + " description_zh, description_mn, description_en, sort_order)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            routeArgs(in))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Future<Void> updateRoute(Sql tx, long id, RouteInput in) {
    return tx.query(
            "UPDATE route SET owner_point_id = $1, theme_code = $2, mode = $3, name_zh = $4,"
                + " name_mn = $5, name_en = $6, description_zh = $7, description_mn = $8,"
                + " description_en = $9, sort_order = $10 WHERE id = $11",
            routeArgs(in).addValue(id))
        .mapEmpty();
  }

  private static Tuple routeArgs(RouteInput in) {
    return Tuple.tuple()
        .addValue(in.ownerPointId())
        .addValue(in.themeCode())
        .addValue(in.mode().name())
        .addValue(in.name().zh())
        .addValue(in.name().mn())
        .addValue(in.name().en())
        .addValue(in.description().zh())
        .addValue(in.description().mn())
        .addValue(in.description().en())
        .addValue(in.sortOrder());
  }

  private static Future<Void> insertStops(Sql tx, long routeId, RouteInput in) {
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < in.stops().size(); i++) {
      RouteInput.Stop s = in.stops().get(i);
      rows.add(
          Tuple.tuple()
              .addValue(routeId)
              .addValue((short) (i + 1))
              .addValue(s.pointId())
              .addValue((short) s.stayMinutes())
              .addValue(s.note().zh())
              .addValue(s.note().mn())
              .addValue(s.note().en()));
    }
    return tx.batch(
            "INSERT INTO route_stop (route_id, position, point_id, stay_minutes, note_zh, note_mn,"
                + " note_en) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            rows)
        .mapEmpty();
  }

  private static Future<Route> load(Sql tx, long id) {
    return new RouteRepository(tx).byIds(List.of(id)).map(m -> m.get(id));
  }

  private static String globalId(Route route) {
    return GlobalId.of("Route", route.id());
  }

  /** The route for the audit log: what a manager set, no personal data. */
  private static JsonObject json(Route r) {
    JsonArray stops = new JsonArray();
    r.stops()
        .forEach(
            s ->
                stops.add(
                    new JsonObject()
                        .put("pointId", s.pointId())
                        .put("stayMinutes", s.stayMinutes())));
    return new JsonObject()
        .put("ownerPointId", r.ownerPointId())
        .put("themeCode", r.themeCode())
        .put("mode", r.mode().name())
        .put("name", r.name().zh())
        .put("stops", stops);
  }
}
