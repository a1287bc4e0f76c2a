package org.practicemap.points;

import graphql.schema.DataFetchingEnvironment;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.Inputs;

/** Weekly opening hours and the days that differ from them. */
final class OpeningHoursMutations {
  private static final int MAX_PERIODS_A_DAY = 4;

  private OpeningHoursMutations() {}

  static Future<Map<String, Object>> setHours(Sql sql, DataFetchingEnvironment env) {
    Caller caller = PointMutations.caller(env);
    String globalId = env.getArgument("pointId");
    long id = GlobalId.decodeLong("pointId", "Point", globalId);
    List<OpeningHours> hours = hours(env.getArgument("hours"));
    return sql.transaction(
            tx ->
                PointMutations.lockInScope(tx, caller, id, globalId)
                    .compose(point -> PointWriter.hours(tx, id))
                    .compose(
                        before ->
                            PointWriter.replaceHours(tx, id, hours)
                                .compose(v -> PointWriter.hours(tx, id))
                                .compose(
                                    after ->
                                        AuditLog.record(
                                            tx,
                                            caller,
                                            "setOpeningHours",
                                            "Point",
                                            globalId,
                                            wrap(before),
                                            wrap(after))))
                    .compose(v -> PointWriter.find(tx, id)))
        .map(point -> Map.of("point", point));
  }

  static Future<Map<String, Object>> setException(Sql sql, DataFetchingEnvironment env) {
    Caller caller = PointMutations.caller(env);
    String globalId = env.getArgument("pointId");
    long id = GlobalId.decodeLong("pointId", "Point", globalId);
    OpeningException exception = exception(env.getArgument("input"));
    return sql.transaction(
            tx ->
                PointMutations.lockInScope(tx, caller, id, globalId)
                    .compose(point -> PointWriter.exception(tx, id, exception.date()))
                    .compose(
                        before ->
                            PointWriter.upsertException(tx, id, exception)
                                .compose(
                                    after ->
                                        AuditLog.record(
                                            tx,
                                            caller,
                                            "setOpeningException",
                                            "Point",
                                            globalId,
                                            before,
                                            after)))
                    .compose(v -> PointWriter.find(tx, id)))
        .map(point -> Map.of("point", point));
  }

  static Future<Map<String, Object>> removeException(Sql sql, DataFetchingEnvironment env) {
    Caller caller = PointMutations.caller(env);
    String globalId = env.getArgument("pointId");
    long id = GlobalId.decodeLong("pointId", "Point", globalId);
    LocalDate day = env.getArgument("date");
    return sql.transaction(
            tx ->
                PointMutations.lockInScope(tx, caller, id, globalId)
                    .compose(point -> PointWriter.deleteException(tx, id, day))
                    .compose(
                        before -> {
                          if (before == null) {
                            throw ApiException.notFound(
                                "This point has no exception on " + day + ".");
                          }
                          return AuditLog.record(
                              tx,
                              caller,
                              "removeOpeningException",
                              "Point",
                              globalId,
                              before,
                              null);
                        })
                    .compose(v -> PointWriter.find(tx, id)))
        .map(point -> Map.of("point", point));
  }

  /** Checks the weekly periods: real weekdays, closing after opening, few and apart each day. */
  private static List<OpeningHours> hours(List<Map<String, Object>> input) {
    List<OpeningHours> hours = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      Map<String, Object> period = input.get(i);
      String field = "hours[" + i + "]";
      int weekday = (Integer) period.get("weekday");
      LocalTime opens = (LocalTime) period.get("opens");
      LocalTime closes = (LocalTime) period.get("closes");
      if (weekday < 1 || weekday > 7) {
        throw ApiException.badInput(field + ".weekday", "weekday is 1 (Monday) to 7 (Sunday).");
      }
      if (!closes.isAfter(opens)) {
        throw ApiException.badInput(
            field + ".closes", "The closing time must be after the opening time.");
      }
      hours.add(new OpeningHours(weekday, opens, closes));
    }
    hours.sort(Comparator.comparing(OpeningHours::weekday).thenComparing(OpeningHours::opens));
    for (int i = 1; i < hours.size(); i++) {
      OpeningHours previous = hours.get(i - 1);
      OpeningHours current = hours.get(i);
      if (previous.weekday() == current.weekday() && current.opens().isBefore(previous.closes())) {
        throw ApiException.badInput(
            "hours", "Two periods overlap on weekday " + current.weekday() + ".");
      }
    }
    for (int day = 1; day <= 7; day++) {
      int weekday = day;
      if (hours.stream().filter(h -> h.weekday() == weekday).count() > MAX_PERIODS_A_DAY) {
        throw ApiException.badInput(
            "hours", "At most " + MAX_PERIODS_A_DAY + " periods a day (weekday " + day + ").");
      }
    }
    return hours;
  }

  private static OpeningException exception(Map<String, Object> input) {
    boolean closed = (Boolean) input.get("closed");
    LocalTime opens = (LocalTime) input.get("opens");
    LocalTime closes = (LocalTime) input.get("closes");
    if (closed && (opens != null || closes != null)) {
      throw ApiException.badInput(
          opens != null ? "input.opens" : "input.closes",
          "A closed day has no opening hours: leave opens and closes out.");
    }
    if (!closed && (opens == null || closes == null)) {
      throw ApiException.badInput(
          opens == null ? "input.opens" : "input.closes",
          "A day that is not closed needs both opens and closes.");
    }
    if (!closed && !closes.isAfter(opens)) {
      throw ApiException.badInput(
          "input.closes", "The closing time must be after the opening time.");
    }
    return new OpeningException(
        (LocalDate) input.get("date"),
        closed,
        opens,
        closes,
        Inputs.text(input, "note", "input.note", 200));
  }

  private static JsonObject wrap(JsonArray hours) {
    return new JsonObject().put("openingHours", hours);
  }
}
