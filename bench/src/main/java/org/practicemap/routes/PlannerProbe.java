package org.practicemap.routes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.practicemap.common.Coordinates;
import org.practicemap.db.Sql;

/**
 * The benchmark's window into the planner, which is package-private in the server: it reads a
 * planning problem from the database once, as planRoute does, then lets the benchmark time the
 * planner alone on it.
 */
public final class PlannerProbe {
  private final PlanProblem problem;

  private PlannerProbe(PlanProblem problem) {
    this.problem = problem;
  }

  /** The problem planRoute would solve for these arguments (all map points within reach). */
  public static PlannerProbe read(
      Sql sql, Coordinates start, OffsetDateTime startAt, int maxMinutes, int maxStops)
      throws Exception {
    PlanRouteService.Request request =
        new PlanRouteService.Request(
            start, null, startAt, maxMinutes, TravelMode.WALK, maxStops, 30);
    PlanRouteService.Found found =
        new PlanRouteService(sql).problem(request).await(30, TimeUnit.SECONDS);
    return new PlannerProbe(found.problem());
  }

  public int candidates() {
    return problem == null ? 0 : problem.stops().size();
  }

  /** Plans once; returns how many stops the plan has. */
  public int plan() {
    return RoutePlanner.plan(problem).visits().size();
  }

  /** The stops' names are not needed: their point ids, in order, to show what was planned. */
  public List<Long> planIds() {
    return RoutePlanner.plan(problem).visits().stream()
        .map(v -> problem.stops().get(v.stop()).pointId())
        .toList();
  }
}
