package org.practicemap.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.practicemap.common.GreatCircle;

/**
 * The planner against brute force: every order of every subset of up to 9 candidate stops, with
 * every way to time each visit, checked by code that shares nothing with the planner but the
 * problem's numbers.
 */
class RoutePlannerTest {
  private static final double START_LAT = 43.62;
  private static final double START_LNG = 122.26;

  @Test
  void plansAsWellAsBruteForceOnRandomProblemsOfUpToNineStops() {
    Random random = new Random(4);
    for (int i = 0; i < 150; i++) {
      PlanProblem problem = randomProblem(random, 1 + random.nextInt(9));
      Best best = BruteForce.best(problem);
      Plan plan = RoutePlanner.plan(problem);
      assertValid(problem, plan);
      assertEquals(best.value, plan.value(), "value, problem " + i);
      assertTrue(
          plan.travelMeters() <= best.meters * 1.05 + 1e-6,
          "problem " + i + ": " + plan.travelMeters() + " m against the best " + best.meters);
    }
  }

  /**
   * Beyond {@value RoutePlanner#EXACT_LIMIT} usable stops the planner is heuristic; on problems of
   * 16 stops (too many for brute force, few enough for the exact planner checked above) it must
   * find the best value and come within 5% of the best distance almost always.
   */
  @Test
  void theHeuristicIsCloseToExactBeyondTheExactLimit() {
    Random random = new Random(44);
    int problems = 40;
    int matched = 0;
    for (int i = 0; i < problems; i++) {
      PlanProblem problem = randomProblem(random, 16);
      Plan exact = RoutePlanner.plan(problem, RoutePlanner.Method.EXACT);
      Plan heuristic = RoutePlanner.plan(problem, RoutePlanner.Method.HEURISTIC);
      assertValid(problem, heuristic);
      assertTrue(heuristic.value() <= exact.value());
      if (heuristic.value() == exact.value()
          && heuristic.travelMeters() <= exact.travelMeters() * 1.05 + 1e-6) {
        matched++;
      }
    }
    assertTrue(matched >= problems * 95 / 100, matched + " of " + problems + " matched");
  }

  @Test
  void aStopIsVisitedOnlyWhileOpenAndWaitsForItToOpen() {
    // One stop 750 m away (975 m walked: 13 minutes), open from minute 60 to 120.
    PlanProblem problem =
        problem(
            List.of(stop(1, 750, 0, List.of(new PlanProblem.Span(60, 120)), List.of())),
            180,
            30,
            TravelMode.WALK,
            5);
    Plan plan = RoutePlanner.plan(problem);
    assertEquals(1, plan.visits().size());
    Plan.Visit visit = plan.visits().get(0);
    assertEquals(13, visit.arrive(), 0.01);
    assertEquals(60, visit.start(), 1e-9, "waits for the opening");
    assertEquals(90, visit.leave(), 1e-9);

    PlanProblem tooShort =
        problem(
            List.of(stop(1, 750, 0, List.of(new PlanProblem.Span(60, 80)), List.of())),
            180,
            30,
            TravelMode.WALK,
            5);
    assertTrue(RoutePlanner.plan(tooShort).visits().isEmpty(), "the stay does not fit");
  }

  @Test
  void aStopWithAnActivityOnIsPreferredToAnEqualOneWithout() {
    List<PlanProblem.Span> allDay = List.of(new PlanProblem.Span(0, 600));
    PlanProblem problem =
        problem(
            List.of(
                stop(1, 300, 0, allDay, List.of()),
                stop(2, -300, 0, allDay, List.of(new PlanProblem.Event(77, 0, 120)))),
            60,
            30,
            TravelMode.WALK,
            1);
    Plan plan = RoutePlanner.plan(problem);
    assertEquals(1, plan.visits().get(0).stop());
    assertEquals(77L, plan.visits().get(0).activityId());
  }

  @Test
  void aVisitMayWaitForAnActivityToBegin() {
    List<PlanProblem.Span> allDay = List.of(new PlanProblem.Span(0, 600));
    PlanProblem problem =
        problem(
            List.of(stop(1, 300, 0, allDay, List.of(new PlanProblem.Event(5, 100, 160)))),
            240,
            30,
            TravelMode.WALK,
            1);
    Plan.Visit visit = RoutePlanner.plan(problem).visits().get(0);
    assertEquals(100, visit.start(), 1e-9);
    assertEquals(5L, visit.activityId());
  }

  @Test
  void nothingOpenGivesAnEmptyPlan() {
    PlanProblem problem =
        problem(List.of(stop(1, 300, 0, List.of(), List.of())), 120, 30, TravelMode.WALK, 3);
    Plan plan = RoutePlanner.plan(problem);
    assertTrue(plan.visits().isEmpty());
    assertEquals(0, plan.value());
  }

  /** A plan keeps every rule: open on arrival, stay inside the span, end within the budget. */
  static void assertValid(PlanProblem problem, Plan plan) {
    double time = 0;
    int from = -1;
    double meters = 0;
    assertTrue(plan.visits().size() <= problem.maxStops());
    List<Integer> seen = new ArrayList<>();
    for (Plan.Visit v : plan.visits()) {
      assertTrue(!seen.contains(v.stop()), "a stop is visited once");
      seen.add(v.stop());
      PlanProblem.Stop stop = problem.stops().get(v.stop());
      double leg = problem.mode().travelMeters(distance(problem, from, v.stop()));
      meters += leg;
      assertEquals(time + problem.mode().minutes(leg), v.arrive(), 1e-6);
      assertTrue(v.start() >= v.arrive() - 1e-9);
      assertEquals(v.start() + problem.stayMinutes(), v.leave(), 1e-9);
      assertNotNull(spanHolding(stop, v.start(), v.leave()), "open for the whole visit");
      if (v.activityId() != null) {
        assertTrue(
            stop.events().stream()
                .anyMatch(
                    e ->
                        e.activityId() == v.activityId()
                            && e.from() <= v.start()
                            && v.start() < e.to()));
      }
      time = v.leave();
      from = v.stop();
    }
    assertTrue(time <= problem.budgetMinutes() + 1e-6, "within the budget");
    assertEquals(meters, plan.travelMeters(), 1e-6);
  }

  private static PlanProblem.Span spanHolding(PlanProblem.Stop stop, double from, double to) {
    return stop.open().stream()
        .filter(s -> s.from() <= from + 1e-9 && to <= s.to() + 1e-9)
        .findFirst()
        .orElse(null);
  }

  static double distance(PlanProblem p, int from, int to) {
    double lat = from < 0 ? p.startLat() : p.stops().get(from).lat();
    double lng = from < 0 ? p.startLng() : p.stops().get(from).lng();
    return GreatCircle.meters(lat, lng, p.stops().get(to).lat(), p.stops().get(to).lng());
  }

  record Best(int value, double meters) {}

  /** Every order of every subset, every timing of every visit; nothing shared with the planner. */
  static final class BruteForce {
    private final PlanProblem p;
    private int bestValue;
    private double bestMeters;

    private BruteForce(PlanProblem p) {
      this.p = p;
    }

    static Best best(PlanProblem p) {
      BruteForce b = new BruteForce(p);
      b.bestValue = 0;
      b.bestMeters = 0;
      b.walk(-1, 0, 0, 0, new boolean[p.stops().size()], 0);
      return new Best(b.bestValue, b.bestMeters);
    }

    private void walk(int at, double time, double meters, int value, boolean[] seen, int count) {
      if (value > bestValue || (value == bestValue && meters < bestMeters)) {
        bestValue = value;
        bestMeters = meters;
      }
      // Branch and bound: even 3 points for every stop still allowed could not do better.
      int bound = value + 3 * Math.min(p.maxStops() - count, seen.length - count);
      if (count == p.maxStops()
          || bound < bestValue
          || (bound == bestValue && meters >= bestMeters)) {
        return;
      }
      for (int next = 0; next < seen.length; next++) {
        if (seen[next]) {
          continue;
        }
        double leg = p.mode().travelMeters(distance(p, at, next));
        double arrive = time + p.mode().minutes(leg);
        PlanProblem.Stop stop = p.stops().get(next);
        List<Double> starts = new ArrayList<>();
        starts.add(arrive);
        stop.events().forEach(e -> starts.add(Math.max(arrive, e.from())));
        for (double from : starts) {
          double start = firstOpen(stop, from);
          if (Double.isNaN(start) || start + p.stayMinutes() > p.budgetMinutes() + 1e-9) {
            continue;
          }
          boolean activity =
              stop.events().stream().anyMatch(e -> e.from() <= start && start < e.to());
          seen[next] = true;
          walk(
              next,
              start + p.stayMinutes(),
              meters + leg,
              value + (activity ? 3 : 2),
              seen,
              count + 1);
          seen[next] = false;
        }
      }
    }

    private double firstOpen(PlanProblem.Stop stop, double t) {
      for (PlanProblem.Span s : stop.open()) {
        double start = Math.max(t, s.from());
        if (start + p.stayMinutes() <= s.to() + 1e-9) {
          return start;
        }
      }
      return Double.NaN;
    }
  }

  static PlanProblem randomProblem(Random random, int stops) {
    List<PlanProblem.Stop> list = new ArrayList<>();
    for (int i = 0; i < stops; i++) {
      double north = (random.nextDouble() - 0.5) * 4000;
      double east = (random.nextDouble() - 0.5) * 4000;
      List<PlanProblem.Span> open = new ArrayList<>();
      double opens = random.nextInt(120);
      if (random.nextBoolean()) {
        open.add(new PlanProblem.Span(opens, opens + 60 + random.nextInt(120)));
        double reopen = open.get(0).to() + 30 + random.nextInt(60);
        open.add(new PlanProblem.Span(reopen, reopen + 60 + random.nextInt(180)));
      } else {
        open.add(new PlanProblem.Span(opens, opens + 120 + random.nextInt(300)));
      }
      List<PlanProblem.Event> events = new ArrayList<>();
      for (int e = random.nextInt(3); e > 0; e--) {
        double from = random.nextInt(300);
        events.add(new PlanProblem.Event(100L * i + e, from, from + 30 + random.nextInt(90)));
      }
      list.add(stop(i + 1, north, east, open, events));
    }
    TravelMode mode = TravelMode.values()[random.nextInt(3)];
    return problem(
        list, 90 + random.nextInt(300), 15 + random.nextInt(30), mode, 1 + random.nextInt(9));
  }

  static PlanProblem.Stop stop(
      long id,
      double northMeters,
      double eastMeters,
      List<PlanProblem.Span> open,
      List<PlanProblem.Event> events) {
    double lat = START_LAT + northMeters / 111_195.0;
    double lng = START_LNG + eastMeters / (111_195.0 * Math.cos(Math.toRadians(START_LAT)));
    return new PlanProblem.Stop(id, lat, lng, open, events);
  }

  static PlanProblem problem(
      List<PlanProblem.Stop> stops, double budget, double stay, TravelMode mode, int maxStops) {
    return new PlanProblem(START_LAT, START_LNG, mode, budget, maxStops, stay, stops);
  }

  @Test
  void labelsOfAFixedOrderThatCannotBeWalkedAreNull() {
    List<PlanProblem.Span> early = List.of(new PlanProblem.Span(0, 40));
    PlanProblem problem =
        problem(
            List.of(stop(1, 300, 0, early, List.of()), stop(2, 3000, 0, early, List.of())),
            300,
            30,
            TravelMode.WALK,
            2);
    assertNull(new Schedule(problem).evaluate(new int[] {0, 1}));
  }
}
