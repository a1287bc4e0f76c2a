package org.practicemap.routes;

import java.util.ArrayList;
import java.util.List;
import org.practicemap.common.GreatCircle;

/**
 * The rules of a visit, shared by the exact and the heuristic planner: travel legs between places,
 * and when a stop reached at a given time can be visited.
 *
 * <p>A visit starts when the stop is open and the whole stay fits before it closes: at once, or
 * when it opens if you get there early (the free minutes are shown before the leg). When no
 * activity is on at that moment, the visit may also start later, when an activity there begins.
 * Because you can always wait, getting somewhere earlier is never worse: that is what lets the
 * exact planner drop a partial walk that is later, longer and no more valuable than another.
 *
 * <p>Value: {@value #STOP_VALUE} for a stop, {@value #ACTIVITY_VALUE} more when an activity is on
 * as the visit starts; so a stop with an activity counts as one and a half stops.
 */
final class Schedule {
  static final int STOP_VALUE = 2;
  static final int ACTIVITY_VALUE = 1;
  private static final double EPS = 1e-9;

  final PlanProblem problem;
  final int size;

  /** Travel metres between stops; row and column {@code size} is the start. */
  private final double[][] legs;

  Schedule(PlanProblem problem) {
    this.problem = problem;
    this.size = problem.stops().size();
    this.legs = new double[size + 1][size + 1];
    for (int i = 0; i <= size; i++) {
      for (int j = i + 1; j <= size; j++) {
        double gc = GreatCircle.meters(lat(i), lng(i), lat(j), lng(j));
        legs[i][j] = problem.mode().travelMeters(gc);
        legs[j][i] = legs[i][j];
      }
    }
  }

  private double lat(int i) {
    return i == size ? problem.startLat() : problem.stops().get(i).lat();
  }

  private double lng(int i) {
    return i == size ? problem.startLng() : problem.stops().get(i).lng();
  }

  /** The index that stands for the start in {@link #legMeters}. */
  int start() {
    return size;
  }

  double legMeters(int from, int to) {
    return legs[from][to];
  }

  double legMinutes(int from, int to) {
    return problem.mode().minutes(legs[from][to]);
  }

  /** A way to visit a stop: when the visit starts and the activity on then (or null). */
  record Option(double start, Long activityId) {
    int value() {
      return STOP_VALUE + (activityId != null ? ACTIVITY_VALUE : 0);
    }
  }

  /** The walks that go on from {@code from} to {@code stop} ({@code bit}: its bit in the set). */
  List<Label> extend(Label from, int stop, long bit) {
    double arrive = from.leave + legMinutes(from.stop, stop);
    PlanProblem.Stop s = problem.stops().get(stop);
    double first = earliestStart(s, arrive);
    if (Double.isNaN(first)) {
      return List.of();
    }
    double leg = legMeters(from.stop, stop);
    double stay = problem.stayMinutes();
    Long on = activityOn(s, first);
    Label visit = from.then(stop, bit, arrive, new Option(first, on), leg, stay);
    if (on != null || s.events().isEmpty()) {
      return List.of(visit);
    }
    List<Label> labels = new ArrayList<>(2);
    labels.add(visit);
    for (Option o : laterOptions(s, first)) {
      labels.add(from.then(stop, bit, arrive, o, leg, stay));
    }
    return labels;
  }

  /** The ways to visit stop {@code j} when you get there at {@code arrive}; none if closed. */
  List<Option> options(int j, double arrive) {
    PlanProblem.Stop stop = problem.stops().get(j);
    double first = earliestStart(stop, arrive);
    if (Double.isNaN(first)) {
      return List.of();
    }
    Long on = activityOn(stop, first);
    List<Option> options = new ArrayList<>(2);
    options.add(new Option(first, on));
    if (on == null) {
      options.addAll(laterOptions(stop, first));
    }
    return options;
  }

  /** Visits that wait past {@code first} for an activity to begin, one per distinct start. */
  private List<Option> laterOptions(PlanProblem.Stop stop, double first) {
    List<Option> options = new ArrayList<>(1);
    double previous = first;
    for (PlanProblem.Event event : stop.events()) {
      if (event.from() <= first) {
        continue;
      }
      double start = earliestStart(stop, event.from());
      if (Double.isNaN(start) || start == previous) {
        continue;
      }
      Long activity = activityOn(stop, start);
      if (activity != null) {
        options.add(new Option(start, activity));
        previous = start;
      }
    }
    return options;
  }

  /** The first moment from {@code t} when the stop is open for a whole stay within the budget. */
  private double earliestStart(PlanProblem.Stop stop, double t) {
    double stay = problem.stayMinutes();
    for (PlanProblem.Span span : stop.open()) {
      double start = Math.max(t, span.from());
      if (start + stay <= span.to() + EPS) {
        return start + stay <= problem.budgetMinutes() + EPS ? start : Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static Long activityOn(PlanProblem.Stop stop, double t) {
    for (PlanProblem.Event event : stop.events()) {
      if (event.from() <= t + EPS && t < event.to() - EPS) {
        return event.activityId();
      }
    }
    return null;
  }

  /**
   * The best way to walk a fixed order of stops, visiting all of them: the most value, then the
   * earliest end. Null when some stop cannot be visited in that order within the budget.
   */
  Label evaluate(int[] order) {
    List<Label> front = new ArrayList<>(List.of(Label.origin(start())));
    for (int stop : order) {
      List<Label> next = new ArrayList<>();
      for (Label l : front) {
        for (Label extended : extend(l, stop, 0)) {
          Label.addTo(next, extended);
        }
      }
      if (next.isEmpty()) {
        return null;
      }
      front = next;
    }
    Label best = null;
    for (Label l : front) {
      best = Label.better(best, l);
    }
    return best;
  }
}
