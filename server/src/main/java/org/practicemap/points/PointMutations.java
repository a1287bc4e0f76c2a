package org.practicemap.points;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.auth.TokenAuthenticator;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.RequestContext;

/**
 * Creating, changing and moving points, and their opening hours. Each mutation checks its input,
 * then in one transaction: locks what it changes, checks the caller's scope on the locked rows,
 * writes, and records the change in the audit log.
 */
public final class PointMutations implements Feature {
  private final Sql sql;
  private final TokenAuthenticator tokens;

  public PointMutations(Sql sql, TokenAuthenticator tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("createPoint", this::createPoint)
                .dataFetcher("updatePoint", this::updatePoint)
                .dataFetcher("movePoint", this::movePoint)
                .dataFetcher("setOpeningHours", env -> OpeningHoursMutations.setHours(sql, env))
                .dataFetcher(
                    "setOpeningException", env -> OpeningHoursMutations.setException(sql, env))
                .dataFetcher(
                    "removeOpeningException",
                    env -> OpeningHoursMutations.removeException(sql, env)));
  }

  static Caller caller(DataFetchingEnvironment env) {
    Caller caller = RequestContext.of(env).caller();
    caller.requireRole(Role.MANAGER);
    return caller;
  }

  private Future<Map<String, Object>> createPoint(DataFetchingEnvironment env) {
    Caller caller = caller(env);
    Map<String, Object> input = env.getArgument("input");
    PointDraft draft = PointDraft.from(input, true);
    String level = (String) input.get("level");
    String parentGlobalId = (String) input.get("parentId");
    Long parentId =
        parentGlobalId == null
            ? null
            : GlobalId.decodeLong("input.parentId", "Point", parentGlobalId);
    if (parentId == null) {
      caller.requireRole(Role.ADMIN);
    }
    return sql.transaction(
            tx ->
                PointWriter.lockTree(tx, false)
                    .compose(
                        v ->
                            parentId == null
                                ? Future.<Point>succeededFuture(null)
                                : PointWriter.find(tx, parentId))
                    .compose(
                        parent -> {
                          if (parentId != null && parent == null) {
                            throw ApiException.badInput(
                                "input.parentId",
                                "There is no point with the ID " + parentGlobalId + ".");
                          }
                          if (parent != null) {
                            caller.require(Role.MANAGER, parent.path());
                          }
                          PointDraft.requireFits(
                              level, parent == null ? null : parent.level(), "input.level");
                          return PointWriter.requireThemes(
                                  tx, draft.themeCodes(), "input.themeCodes")
                              .compose(ok -> PointWriter.insert(tx, parent, level, draft));
                        })
                    .compose(
                        id ->
                            PointWriter.setThemes(tx, id, draft.themeCodes())
                                .compose(v -> audited(tx, caller, "createPoint", id, null)))
                    .compose(id -> PointWriter.find(tx, id)))
        .map(point -> Map.of("point", point));
  }

  private Future<Map<String, Object>> updatePoint(DataFetchingEnvironment env) {
    Caller caller = caller(env);
    long id = GlobalId.decodeLong("id", "Point", env.getArgument("id"));
    PointDraft draft = PointDraft.from(env.getArgument("input"), false);
    return sql.transaction(
            tx ->
                lockInScope(tx, caller, id, env.getArgument("id"))
                    .compose(point -> PointWriter.snapshot(tx, id))
                    .compose(
                        before ->
                            PointWriter.requireThemes(tx, draft.themeCodes(), "input.themeCodes")
                                .compose(v -> PointWriter.update(tx, id, draft))
                                .compose(
                                    v ->
                                        draft.sent("themeCodes")
                                            ? PointWriter.setThemes(tx, id, draft.themeCodes())
                                            : Future.succeededFuture())
                                .compose(v -> audited(tx, caller, "updatePoint", id, before)))
                    .compose(v -> PointWriter.find(tx, id)))
        .map(point -> Map.of("point", point));
  }

  private Future<Map<String, Object>> movePoint(DataFetchingEnvironment env) {
    Caller caller = caller(env);
    String globalId = env.getArgument("id");
    String parentGlobalId = env.getArgument("parentId");
    long id = GlobalId.decodeLong("id", "Point", globalId);
    long parentId = GlobalId.decodeLong("parentId", "Point", parentGlobalId);
    return sql.transaction(
            tx ->
                PointWriter.lockTree(tx, true)
                    .compose(v -> lockInScope(tx, caller, id, globalId))
                    .compose(
                        point ->
                            PointWriter.find(tx, parentId)
                                .compose(parent -> move(tx, caller, point, parent, parentGlobalId)))
                    .compose(
                        moved ->
                            PointWriter.find(tx, id)
                                .map(
                                    point ->
                                        Map.<String, Object>of(
                                            "point", point, "movedPoints", moved))))
        .onSuccess(moved -> tokens.forgetAll());
  }

  private Future<Integer> move(
      Sql tx, Caller caller, Point point, Point parent, String parentGlobalId) {
    if (parent == null) {
      throw ApiException.badInput(
          "parentId", "There is no point with the ID " + parentGlobalId + ".");
    }
    if (point.parentId() == null) {
      throw ApiException.badInput("id", "A root CENTER cannot move: it heads its own network.");
    }
    caller.require(Role.MANAGER, parent.path());
    if (parent.path().equals(point.path()) || parent.path().startsWith(point.path() + ".")) {
      throw ApiException.badInput("parentId", "A point cannot move below itself.");
    }
    PointDraft.requireFits(point.level(), parent.level(), "parentId");
    if (parent.id() == point.parentId()) {
      return Future.succeededFuture(0);
    }
    JsonObject before =
        new JsonObject().put("parentId", point.parentId()).put("path", point.path());
    return PointWriter.move(tx, point, parent)
        .compose(
            moved ->
                AuditLog.record(
                        tx,
                        caller,
                        "movePoint",
                        "Point",
                        GlobalId.of("Point", point.id()),
                        before,
                        new JsonObject()
                            .put("parentId", parent.id())
                            .put("path", parent.path() + "." + point.id())
                            .put("movedPoints", moved))
                    .map(v -> moved));
  }

  /** Locks the point and checks that the caller's subtree holds it. */
  static Future<Point> lockInScope(Sql tx, Caller caller, long id, String globalId) {
    return PointWriter.lock(tx, id)
        .map(
            point -> {
              if (point == null) {
                throw ApiException.notFound("There is no point with the ID " + globalId + ".");
              }
              caller.require(Role.MANAGER, point.path());
              return point;
            });
  }

  /** Records the change; an update that changed nothing leaves no entry. */
  private static Future<Long> audited(
      Sql tx, Caller caller, String action, long id, JsonObject before) {
    return PointWriter.snapshot(tx, id)
        .compose(
            after ->
                after.equals(before)
                    ? Future.<Void>succeededFuture()
                    : AuditLog.record(
                        tx, caller, action, "Point", GlobalId.of("Point", id), before, after))
        .map(v -> id);
  }
}
