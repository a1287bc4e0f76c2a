package org.practicemap.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a range of days is answered: the settled days (or months) inside it from the rollups, every
 * other day (today, days not settled yet, for months the part-months at the ends) from the
 * per-activity rows.
 *
 * @param settled the settled days, or first days of the settled months wholly inside the range
 * @param openFrom first days of the runs of days answered from the per-activity rows
 * @param openTo last days of those runs, inclusive
 */
record Coverage(List<LocalDate> settled, List<LocalDate> openFrom, List<LocalDate> openTo) {

  /** Settled days instead of months: runs of the other days are answered from the rows. */
  static Coverage ofDays(LocalDate from, LocalDate to, List<LocalDate> settledDays) {
    java.util.Set<LocalDate> settled = new java.util.HashSet<>(settledDays);
    List<LocalDate> starts = new ArrayList<>();
    List<LocalDate> ends = new ArrayList<>();
    LocalDate runStart = null;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      boolean open = !settled.contains(d);
      if (open && runStart == null) {
        runStart = d;
      } else if (!open && runStart != null) {
        starts.add(runStart);
        ends.add(d.minusDays(1));
        runStart = null;
      }
    }
    if (runStart != null) {
      starts.add(runStart);
      ends.add(to);
    }
    return new Coverage(List.copyOf(settledDays), List.copyOf(starts), List.copyOf(ends));
  }

  static Coverage of(LocalDate from, LocalDate to, List<LocalDate> settledMonths) {
    List<LocalDate> starts = new ArrayList<>();
    List<LocalDate> ends = new ArrayList<>();
    LocalDate cursor = from;
    for (LocalDate month : settledMonths) {
      if (cursor.isBefore(month)) {
        starts.add(cursor);
        ends.add(month.minusDays(1));
      }
      cursor = month.plusMonths(1);
    }
    if (!cursor.isAfter(to)) {
      starts.add(cursor);
      ends.add(to);
    }
    return new Coverage(List.copyOf(settledMonths), List.copyOf(starts), List.copyOf(ends));
  }
}
