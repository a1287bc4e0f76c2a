package org.practicemap.routes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.practicemap.common.LocalZone;
import org.practicemap.points.OpeningException;
import org.practicemap.points.OpeningHours;

/**
 * A point's opening hours over a planning horizon, as spans in minutes after the start: the same
 * rule as {@code Point.isOpenAt} (an exception decides its day; otherwise the weekly periods), with
 * spans that touch (09:00–12:00, 12:00–17:00) joined into one.
 */
final class OpeningSpans {
  private OpeningSpans() {}

  static List<PlanProblem.Span> of(
      List<OpeningHours> weekly,
      Map<LocalDate, OpeningException> exceptions,
      ZonedDateTime start,
      double horizonMinutes) {
    ZonedDateTime local = start.withZoneSameInstant(LocalZone.ID);
    LocalDate last = local.plusSeconds((long) Math.ceil(horizonMinutes * 60)).toLocalDate();
    List<PlanProblem.Span> spans = new ArrayList<>();
    for (LocalDate day = local.toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      OpeningException exception = exceptions.get(day);
      if (exception != null) {
        if (!exception.closed()) {
          spans.add(span(local, day, exception.opens(), exception.closes()));
        }
        continue;
      }
      for (OpeningHours period : weekly) {
        if (period.weekday() == day.getDayOfWeek().getValue()) {
          spans.add(span(local, day, period.opens(), period.closes()));
        }
      }
    }
    spans.sort(Comparator.comparingDouble(PlanProblem.Span::from));
    return join(spans);
  }

  private static PlanProblem.Span span(
      ZonedDateTime start, LocalDate day, LocalTime opens, LocalTime closes) {
    return new PlanProblem.Span(
        minutesAfter(start, day.atTime(opens).atZone(LocalZone.ID)),
        minutesAfter(start, day.atTime(closes).atZone(LocalZone.ID)));
  }

  static double minutesAfter(ZonedDateTime start, ZonedDateTime t) {
    return Duration.between(start, t).toMillis() / 60_000.0;
  }

  private static List<PlanProblem.Span> join(List<PlanProblem.Span> sorted) {
    List<PlanProblem.Span> joined = new ArrayList<>();
    for (PlanProblem.Span s : sorted) {
      PlanProblem.Span previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      if (previous != null && s.from() <= previous.to()) {
        joined.set(
            joined.size() - 1,
            new PlanProblem.Span(previous.from(), Math.max(previous.to(), s.to())));
      } else {
        joined.add(s);
      }
    }
    return List.copyOf(joined);
  }
}
