package org.practicemap.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a range of days is answered: the settled months inside it from the monthly rollups, every
 * other day (the current month, months not settled yet, the part-months at the ends) from the
 * per-activity rows.
 *
 * @param settled first days of the settled months wholly inside the range, in order
 * @param openFrom first days of the runs of days answered from the per-activity rows
 * @param openTo last days of those runs, inclusive
 */
record Coverage(List<LocalDate> settled, List<LocalDate> openFrom, List<LocalDate> openTo) {

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
