package org.practicemap.activities;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.bookings.Waitlist;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.RequestContext;
import org.practicemap.themes.ThemesFeature;

/**
 * Creating, changing and cancelling activities (MANAGER of the point's subtree). Each runs in one
 * transaction: lock, check scope on the locked rows, write, audit.
 */
public final class ActivityMutations implements Feature {
  private final Sql sql;

  public ActivityMutations(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("createActivity", this::createActivity)
                .dataFetcher("updateActivity", this::updateActivity)
                .dataFetcher("cancelActivity", this::cancelActivity));
    wiring.type(
        "Activity", t -> t.dataFetcher("version", env -> env.<Activity>getSource().version()));
  }

  private static Caller manager(DataFetchingEnvironment env) {
    Caller caller = RequestContext.of(env).caller();
    caller.requireRole(Role.MANAGER);
    return caller;
  }

  private Future<Map<String, Object>> createActivity(DataFetchingEnvironment env) {
    Caller caller = manager(env);
    Map<String, Object> input = env.getArgument("input");
    String pointGlobalId = (String) input.get("pointId");
    long pointId = GlobalId.decodeLong("input.pointId", "Point", pointGlobalId);
    ActivityDraft draft = ActivityDraft.from(input, true);
    return sql.transaction(
            tx ->
                inScopePoint(tx, caller, pointId, pointGlobalId)
                    .compose(
                        ok -> ThemesFeature.requireKnown(tx, draft.themeCode(), "input.themeCode"))
                    .compose(ok -> ActivityWriter.insert(tx, pointId, draft))
                    .compose(id -> audited(tx, caller, "createActivity", id, null, Map.of()))
                    .compose(id -> ActivityWriter.find(tx, id)))
        .map(activity -> Map.of("activity", activity));
  }

  private Future<Map<String, Object>> updateActivity(DataFetchingEnvironment env) {
    Caller caller = manager(env);
    String globalId = env.getArgument("id");
    long id = GlobalId.decodeLong("id", "Activity", globalId);
    Map<String, Object> input = env.getArgument("input");
    ActivityDraft draft = ActivityDraft.from(input, false);
    String newPointGlobalId = (String) input.get("pointId");
    Long newPointId =
        newPointGlobalId == null
            ? null
            : GlobalId.decodeLong("input.pointId", "Point", newPointGlobalId);
    Integer expectedVersion = (Integer) input.get("expectedVersion");
    return sql.transaction(
            tx ->
                lockInScope(tx, caller, id, globalId)
                    .compose(
                        locked -> {
                          checkUpdatable(locked.activity(), draft, expectedVersion);
                          Future<Void> moved =
                              newPointId == null
                                  ? Future.succeededFuture()
                                  : inScopePoint(tx, caller, newPointId, newPointGlobalId);
                          return moved
                              .compose(ok -> checkCapacity(tx, locked.activity(), draft))
                              .compose(
                                  ok ->
                                      ThemesFeature.requireKnown(
                                          tx, draft.themeCode(), "input.themeCode"))
                              .compose(ok -> ActivityWriter.snapshot(tx, id));
                        })
                    .compose(
                        before ->
                            ActivityWriter.update(tx, id, newPointId, draft)
                                .compose(v -> promoteIntoAddedSeats(tx, id, draft))
                                .compose(
                                    promoted ->
                                        audited(
                                            tx,
                                            caller,
                                            "updateActivity",
                                            id,
                                            before,
                                            promoted == 0
                                                ? Map.<String, Object>of()
                                                : Map.<String, Object>of(
                                                    "promotedBookings", promoted))))
                    .compose(v -> ActivityWriter.find(tx, id)))
        .map(activity -> Map.of("activity", activity));
  }

  private Future<Map<String, Object>> cancelActivity(DataFetchingEnvironment env) {
    Caller caller = manager(env);
    String globalId = env.getArgument("id");
    long id = GlobalId.decodeLong("id", "Activity", globalId);
    String reason = env.<String>getArgument("reason").strip();
    if (reason.isEmpty() || reason.length() > 500) {
      throw ApiException.badInput("reason", "Give a reason of 1 to 500 characters.");
    }
    return sql.transaction(
        tx ->
            lockInScope(tx, caller, id, globalId)
                .compose(
                    locked -> {
                      Activity activity = locked.activity();
                      if (activity.cancelledAt() != null) {
                        throw conflict("This activity is already cancelled.");
                      }
                      if (!activity.endsAt().isAfter(OffsetDateTime.now())) {
                        throw conflict("This activity is over; it cannot be cancelled.");
                      }
                      return ActivityWriter.snapshot(tx, id);
                    })
                .compose(
                    before ->
                        ActivityWriter.cancel(tx, id, reason)
                            .compose(
                                cancelled ->
                                    audited(
                                            tx,
                                            caller,
                                            "cancelActivity",
                                            id,
                                            before,
                                            Map.of("cancelledBookings", cancelled))
                                        .map(v -> cancelled)))
                .compose(
                    cancelled ->
                        ActivityWriter.find(tx, id)
                            .map(
                                activity ->
                                    Map.<String, Object>of(
                                        "activity", activity, "cancelledBookings", cancelled))));
  }

  private static void checkUpdatable(
      Activity activity, ActivityDraft draft, Integer expectedVersion) {
    if (activity.cancelledAt() != null) {
      throw conflict("This activity is cancelled; it can no longer be changed.");
    }
    if (expectedVersion != null && expectedVersion != activity.version()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "This activity has changed since version "
              + expectedVersion
              + " (it is at version "
              + activity.version()
              + "); reload it and try again.",
          Map.of("field", "input.expectedVersion"));
    }
    if (draft.sent("startsAt") || draft.sent("endsAt")) {
      ActivityDraft.checkTimes(
          draft.sent("startsAt") ? draft.startsAt() : activity.startsAt(),
          draft.sent("endsAt") ? draft.endsAt() : activity.endsAt(),
          false);
    }
  }

  /** A raised capacity first serves the waiting list (see {@link Waitlist#fillAddedSeats}). */
  private static Future<Integer> promoteIntoAddedSeats(Sql tx, long id, ActivityDraft draft) {
    if (!draft.sent("capacity") || draft.capacity() == null) {
      return Future.succeededFuture(0);
    }
    return ActivityWriter.find(tx, id).compose(updated -> Waitlist.fillAddedSeats(tx, updated));
  }

  /** A capacity may not drop below the seats taken, nor vanish while anyone holds a booking. */
  private static Future<Void> checkCapacity(Sql tx, Activity activity, ActivityDraft draft) {
    if (!draft.sent("capacity")) {
      return Future.succeededFuture();
    }
    if (draft.capacity() != null) {
      if (draft.capacity() < activity.seatsTaken()) {
        throw ApiException.badInput(
            "input.capacity",
            activity.seatsTaken() + " seats are already taken; the capacity cannot be lower.");
      }
      return Future.succeededFuture();
    }
    return ActivityWriter.activeBookings(tx, activity.id())
        .map(
            active -> {
              if (active > 0) {
                throw ApiException.badInput(
                    "input.capacity",
                    "People have booked this activity; it cannot become an open event.");
              }
              return null;
            });
  }

  private static Future<Void> inScopePoint(Sql tx, Caller caller, long pointId, String globalId) {
    return ActivityWriter.pointPath(tx, pointId)
        .map(
            path -> {
              if (path == null) {
                throw ApiException.badInput(
                    "input.pointId", "There is no point with the ID " + globalId + ".");
              }
              caller.require(Role.MANAGER, path);
              return null;
            });
  }

  private static Future<ActivityWriter.Locked> lockInScope(
      Sql tx, Caller caller, long id, String globalId) {
    return ActivityWriter.lock(tx, id)
        .map(
            locked -> {
              if (locked == null) {
                throw ApiException.notFound("There is no activity with the ID " + globalId + ".");
              }
              caller.require(Role.MANAGER, locked.pointPath());
              return locked;
            });
  }

  /** Records the change; an update that changed nothing leaves no entry. */
  private static Future<Long> audited(
      Sql tx, Caller caller, String action, long id, JsonObject before, Map<String, Object> extra) {
    return ActivityWriter.snapshot(tx, id)
        .compose(
            after -> {
              extra.forEach(after::put);
              if (after.equals(before)) {
                return Future.<Void>succeededFuture();
              }
              return AuditLog.record(
                  tx, caller, action, "Activity", GlobalId.of("Activity", id), before, after);
            })
        .map(v -> id);
  }

  private static ApiException conflict(String message) {
    return new ApiException(ErrorCode.CONFLICT, message);
  }
}
