package org.practicemap.routes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A partial walk, as a chain of visits back to the start: where it is, which stops it has seen (a
 * bit set over the stops the planner considers), when it leaves the last one, how far it has
 * travelled and what it is worth so far.
 */
final class Label {
  private static final double EPS = 1e-9;

  final Label parent;
  final int stop;
  final long seen;
  final int count;
  final double arrive;
  final double start;
  final double leave;
  final double meters;
  final int value;
  final Long activityId;

  private Label(
      Label parent,
      int stop,
      long seen,
      int count,
      double arrive,
      double start,
      double leave,
      double meters,
      int value,
      Long activityId) {
    this.parent = parent;
    this.stop = stop;
    this.seen = seen;
    this.count = count;
    this.arrive = arrive;
    this.start = start;
    this.leave = leave;
    this.meters = meters;
    this.value = value;
    this.activityId = activityId;
  }

  /** The empty walk, standing at the start at minute 0. */
  static Label origin(int startIndex) {
    return new Label(null, startIndex, 0, 0, 0, 0, 0, 0, 0, null);
  }

  /** This walk extended by a visit to {@code stop} ({@code bit} its bit in {@link #seen}). */
  Label then(
      int stop, long bit, double arrive, Schedule.Option option, double legMeters, double stay) {
    return new Label(
        this,
        stop,
        seen | bit,
        count + 1,
        arrive,
        option.start(),
        option.start() + stay,
        meters + legMeters,
        value + option.value(),
        option.activityId());
  }

  /** Worth at least as much, no longer and no later: every way on from {@code o} is open to it. */
  boolean dominates(Label o) {
    return value >= o.value && meters <= o.meters + EPS && leave <= o.leave + EPS;
  }

  /** Adds {@code label} to a Pareto front unless something there dominates it. */
  static void addTo(List<Label> front, Label label) {
    for (Label l : front) {
      if (l.dominates(label)) {
        return;
      }
    }
    front.removeIf(label::dominates);
    front.add(label);
  }

  /** The better of two whole walks: more value, then shorter, then ending earlier. */
  static Label better(Label a, Label b) {
    if (a == null) {
      return b;
    }
    if (a.value != b.value) {
      return a.value > b.value ? a : b;
    }
    if (Math.abs(a.meters - b.meters) > 1e-6) {
      return a.meters < b.meters ? a : b;
    }
    return b.leave < a.leave - EPS ? b : a;
  }

  Plan toPlan(Schedule schedule) {
    Deque<Label> chain = new ArrayDeque<>();
    for (Label l = this; l.parent != null; l = l.parent) {
      chain.push(l);
    }
    List<Plan.Visit> visits = new ArrayList<>(chain.size());
    for (Label l : chain) {
      double legMeters = schedule.legMeters(l.parent.stop, l.stop);
      visits.add(
          new Plan.Visit(
              l.stop,
              l.arrive,
              l.start,
              l.leave,
              legMeters,
              schedule.legMinutes(l.parent.stop, l.stop),
              l.activityId));
    }
    return new Plan(List.copyOf(visits), meters, leave, value);
  }
}
