package org.practicemap.db.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;

/**
 * The year after the demo's day: the published programme, mostly bookable sessions, with the coming
 * festivals and a few activities already called off.
 */
final class Ahead {
  static final int BOOKABLE = 1_640;
  static final int OPEN = 180;
  static final int FESTIVAL_EVENTS = 600;
  static final int CANCELLED = 5;
  private static final long SEED = 2_026L;
  private static final long FESTIVAL_SEED = 741L;

  private Ahead() {}

  static void plan(ActivityPlanner planner, LocalDate anchorDay, Drafts out) {
    LocalDate from = anchorDay.plusDays(1);
    LocalDate to = anchorDay.plusDays(365);
    out.addAll(FestivalPlan.plan(planner, new Random(FESTIVAL_SEED), from, to, FESTIVAL_EVENTS));
    Random r = new Random(SEED);
    for (int i = 0; i < BOOKABLE; i++) {
      out.add(planner.regular(r, TemplatePools.BOOKABLE, from, to));
    }
    for (int i = 0; i < OPEN; i++) {
      out.add(planner.regular(r, TemplatePools.OPEN, from, to));
    }
    OffsetDateTime anchorStart = DemoTime.startOf(anchorDay);
    for (int i = 0; i < CANCELLED; i++) {
      DemoActivity a =
          planner.regular(r, TemplatePools.BOOKABLE, anchorDay.plusDays(3), anchorDay.plusDays(60));
      OffsetDateTime at = History.between(r, a.createdAt(), anchorStart);
      out.add(a.cancelled(at, CancelReasons.pick(r, a.startsAt().getMonth())));
    }
  }
}
