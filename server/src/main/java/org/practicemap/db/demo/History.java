package org.practicemap.db.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;

/**
 * The year before the demo's day, sized to the article: 1,680+ activities held, 740+ of them for
 * "Our Festivals", 81,000 person-times served (see {@link Attendance}). The counts are exact by
 * construction, so they hold for any anchor day, and the figures the API reports match the news.
 */
final class History {
  /** Held (finished, not cancelled) in the 365 days before the anchor day. */
  static final int HELD = 1_694;

  static final int FESTIVAL_EVENTS = 748;
  static final int CANCELLED = 9;

  /** The article's two events (the fun games and the 76-stall market) are held too. */
  private static final int ARTICLE_EVENTS = 2;

  private static final int REGULAR_OPEN = 164;
  private static final int REGULAR_BOOKABLE =
      HELD - FESTIVAL_EVENTS - ARTICLE_EVENTS - REGULAR_OPEN;
  private static final long SEED = 2_025L;
  private static final long FESTIVAL_SEED = 740L;

  private History() {}

  /** A moment between two instants, in the later part of the span: plans change late. */
  static OffsetDateTime between(Random r, OffsetDateTime from, OffsetDateTime to) {
    long seconds = Duration.between(from, to).getSeconds();
    return from.plusSeconds((long) (seconds * (0.6 + 0.35 * r.nextDouble())));
  }

  static void plan(ActivityPlanner planner, LocalDate anchorDay, Drafts out) {
    LocalDate from = anchorDay.minusDays(365);
    LocalDate to = anchorDay.minusDays(1);
    out.addAll(FestivalPlan.plan(planner, new Random(FESTIVAL_SEED), from, to, FESTIVAL_EVENTS));
    Random r = new Random(SEED);
    for (int i = 0; i < REGULAR_BOOKABLE; i++) {
      out.add(planner.regular(r, TemplatePools.BOOKABLE, from, to));
    }
    for (int i = 0; i < REGULAR_OPEN; i++) {
      out.add(planner.regular(r, TemplatePools.OPEN, from, to));
    }
    for (int i = 0; i < CANCELLED; i++) {
      DemoActivity a = planner.regular(r, TemplatePools.BOOKABLE, from, to);
      OffsetDateTime at = between(r, a.createdAt(), a.startsAt());
      out.add(a.cancelled(at, CancelReasons.pick(r, a.startsAt().getMonth())));
    }
  }
}
