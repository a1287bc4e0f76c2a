package org.practicemap.routes;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.common.Coordinates;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Sql;
import org.practicemap.nearby.Circle;
import org.practicemap.points.OpeningException;
import org.practicemap.points.OpeningHours;

/**
 * Plans a walk on request: finds the candidate stops (map points on the asked theme boards within
 * reach, at most {@value #MAX_CANDIDATES}, nearest first), reads their opening hours, exceptions
 * and activities over the walk's time (four statements), and lets {@link RoutePlanner} choose and
 * order them, on a worker thread: it is CPU work of up to tens of milliseconds.
 *
 * <p>Mobile points are not candidates: they move, and a route is walked later than it is planned.
 */
final class PlanRouteService {
  static final int MAX_CANDIDATES = 60;

  private static final String CANDIDATES_SQL =
      "SELECT p.id, p.lat, p.lng FROM point p"
          + " WHERE p.on_map AND p.level <> 'MOBILE_POINT'"
          + " AND earth_box(ll_to_earth($1, $2), $4) @> ll_to_earth(p.lat, p.lng)"
          + " AND great_circle_m($1, $2, p.lat, p.lng) <= $3"
          + " AND ($5::text[] IS NULL OR EXISTS (SELECT 1 FROM point_theme t"
          + "      WHERE t.point_id = p.id AND t.theme_code = ANY($5)))"
          + " ORDER BY ll_to_earth(p.lat, p.lng) <-> ll_to_earth($1, $2), p.id"
          + " LIMIT (SELECT $6::int)";

  private final Sql sql;

  PlanRouteService(Sql sql) {
    this.sql = sql;
  }

  /** What to plan, checked. */
  record Request(
      Coordinates start,
      List<String> themeCodes,
      OffsetDateTime startAt,
      int maxMinutes,
      TravelMode mode,
      int maxStops,
      int stayMinutes) {}

  Future<PlannedRoute> plan(Request request, Context context) {
    return problem(request)
        .compose(
            found -> {
              Future<Plan> plan =
                  found.candidates().isEmpty()
                      ? Future.succeededFuture(Plan.EMPTY)
                      : solve(found.problem(), context);
              return plan.map(
                  p -> toRoute(request, found.candidates(), p, found.candidates().size()));
            });
  }

  /** The candidates and the problem built from them, before any planning. */
  record Found(List<Candidate> candidates, PlanProblem problem) {}

  /** Reads what planning needs: candidates, then their hours, exceptions and activities. */
  Future<Found> problem(Request request) {
    return candidates(request)
        .compose(
            candidates ->
                candidates.isEmpty()
                    ? Future.succeededFuture(new Found(candidates, null))
                    : problem(request, candidates).map(p -> new Found(candidates, p)));
  }

  private static Future<Plan> solve(PlanProblem problem, Context context) {
    if (context == null) {
      return Future.succeededFuture(RoutePlanner.plan(problem));
    }
    return context.executeBlocking(() -> RoutePlanner.plan(problem), false);
  }

  record Candidate(long id, Coordinates at) {}

  private Future<List<Candidate>> candidates(Request r) {
    // Far enough to reach a stop and stay there within the time: no farther point can be used.
    double reach =
        (r.maxMinutes() - r.stayMinutes()) * r.mode().metersPerMinute / r.mode().detourFactor;
    Circle circle = new Circle(r.start(), Math.min(Math.max(reach, 0), Circle.MAX_RADIUS_M));
    Tuple args =
        Tuple.of(circle.lat(), circle.lng(), circle.radiusMeters(), circle.boxRadius())
            .addValue(r.themeCodes() == null ? null : r.themeCodes().toArray(String[]::new))
            .addValue(MAX_CANDIDATES);
    return sql.query(CANDIDATES_SQL, args)
        .map(
            rows -> {
              List<Candidate> list = new ArrayList<>();
              rows.forEach(
                  row ->
                      list.add(
                          new Candidate(
                              row.getLong("id"),
                              new Coordinates(row.getDouble("lat"), row.getDouble("lng")))));
              return list;
            });
  }

  private Future<PlanProblem> problem(Request r, List<Candidate> candidates) {
    Long[] ids = candidates.stream().map(Candidate::id).toArray(Long[]::new);
    OffsetDateTime end = r.startAt().plusMinutes(r.maxMinutes());
    LocalDate firstDay = r.startAt().atZoneSameInstant(LocalZone.ID).toLocalDate();
    LocalDate lastDay = end.atZoneSameInstant(LocalZone.ID).toLocalDate();
    Future<RowSet<Row>> hours =
        sql.query(
            "SELECT point_id, weekday, opens, closes FROM opening_hours WHERE point_id = ANY($1)",
            Tuple.of(ids));
    Future<RowSet<Row>> exceptions =
        sql.query(
            "SELECT point_id, day, closed, opens, closes FROM opening_exception"
                + " WHERE point_id = ANY($1) AND day BETWEEN $2 AND $3",
            Tuple.of(ids, firstDay, lastDay));
    Future<RowSet<Row>> activities =
        sql.query(
            "SELECT id, point_id, starts_at, ends_at FROM activity"
                + " WHERE point_id = ANY($1) AND deployment_id IS NULL AND cancelled_at IS NULL"
                + " AND ends_at > $2 AND starts_at < $3 ORDER BY starts_at, id",
            Tuple.of(ids, r.startAt(), end));
    return Future.all(hours, exceptions, activities)
        .map(
            all ->
                toProblem(r, candidates, hours.result(), exceptions.result(), activities.result()));
  }

  private static PlanProblem toProblem(
      Request r,
      List<Candidate> candidates,
      RowSet<Row> hourRows,
      RowSet<Row> exceptionRows,
      RowSet<Row> activityRows) {
    Map<Long, List<OpeningHours>> hours = new HashMap<>();
    hourRows.forEach(
        row ->
            hours
                .computeIfAbsent(row.getLong("point_id"), k -> new ArrayList<>())
                .add(
                    new OpeningHours(
                        row.getInteger("weekday"),
                        row.getLocalTime("opens"),
                        row.getLocalTime("closes"))));
    Map<Long, Map<LocalDate, OpeningException>> exceptions = new HashMap<>();
    exceptionRows.forEach(
        row ->
            exceptions
                .computeIfAbsent(row.getLong("point_id"), k -> new HashMap<>())
                .put(
                    row.getLocalDate("day"),
                    new OpeningException(
                        row.getLocalDate("day"),
                        row.getBoolean("closed"),
                        row.getLocalTime("opens"),
                        row.getLocalTime("closes"),
                        null)));
    ZonedDateTime start = r.startAt().atZoneSameInstant(LocalZone.ID);
    Map<Long, List<PlanProblem.Event>> events = new HashMap<>();
    activityRows.forEach(
        row ->
            events
                .computeIfAbsent(row.getLong("point_id"), k -> new ArrayList<>())
                .add(
                    new PlanProblem.Event(
                        row.getLong("id"),
                        minutes(start, row.getOffsetDateTime("starts_at")),
                        minutes(start, row.getOffsetDateTime("ends_at")))));
    List<PlanProblem.Stop> stops = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      List<PlanProblem.Span> open =
          OpeningSpans.of(
              hours.getOrDefault(c.id(), List.of()),
              exceptions.getOrDefault(c.id(), Map.of()),
              start,
              r.maxMinutes());
      stops.add(
          new PlanProblem.Stop(
              c.id(), c.at().lat(), c.at().lng(), open, events.getOrDefault(c.id(), List.of())));
    }
    return new PlanProblem(
        r.start().lat(),
        r.start().lng(),
        r.mode(),
        r.maxMinutes(),
        r.maxStops(),
        r.stayMinutes(),
        stops);
  }

  private static double minutes(ZonedDateTime start, OffsetDateTime t) {
    return OpeningSpans.minutesAfter(start, t.atZoneSameInstant(LocalZone.ID));
  }

  private static PlannedRoute toRoute(
      Request r, List<Candidate> candidates, Plan plan, int candidateCount) {
    OffsetDateTime startsAt = LocalZone.offsetTime(r.startAt());
    List<PlannedRoute.PlannedStop> stops = new ArrayList<>(plan.visits().size());
    OffsetDateTime endsAt = startsAt;
    double travelMinutes = 0;
    for (Plan.Visit v : plan.visits()) {
      Candidate c = candidates.get(v.stop());
      // Whole seconds, rounded up: the visit never shows as starting before the stop opens.
      OffsetDateTime arriveAt = startsAt.plusSeconds((long) Math.ceil(v.start() * 60 - 1e-6));
      OffsetDateTime leaveAt = arriveAt.plusSeconds(Math.round(r.stayMinutes() * 60.0));
      stops.add(
          new PlannedRoute.PlannedStop(
              stops.size() + 1,
              c.id(),
              c.at(),
              arriveAt,
              leaveAt,
              v.legMeters(),
              v.legMinutes(),
              v.start() - v.arrive(),
              v.activityId()));
      endsAt = leaveAt;
      travelMinutes += v.legMinutes();
    }
    return new PlannedRoute(
        r.mode(),
        r.start(),
        startsAt,
        endsAt,
        List.copyOf(stops),
        plan.travelMeters(),
        travelMinutes,
        candidateCount);
  }
}
