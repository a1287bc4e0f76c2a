package org.practicemap.stats;

import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.common.LocalizedText;
import org.practicemap.graphql.GlobalId;

/** Turns the rows of {@link StatsRepository} into totals and groups, in the order asked. */
final class StatsRows {
  /** Busiest first; ties by people served, then key, so the order is stable. */
  private static final Comparator<StatsGroup> BUSIEST =
      Comparator.comparingLong((StatsGroup g) -> -g.figures().held())
          .thenComparingLong(g -> -g.figures().served())
          .thenComparing(StatsGroup::key);

  private StatsRows() {}

  static Stats assemble(StatsRequest request, List<Row> dims, List<Row> points) {
    Figures totals = Figures.ZERO;
    Map<GroupBy, List<StatsGroup>> groups = new EnumMap<>(GroupBy.class);
    List<GroupBy> asked = StatsRepository.asked(request);
    int all = (1 << asked.size()) - 1;
    for (Row row : dims) {
      int grouping = row.getInteger("g");
      if (grouping == all) {
        totals = Figures.from(row);
        continue;
      }
      // GROUPING(a, b, c): a bit per column, the first one highest, set where not grouped.
      GroupBy by = asked.get(asked.size() - 1 - Integer.numberOfTrailingZeros(~grouping));
      groups.computeIfAbsent(by, k -> new ArrayList<>()).add(dimension(by, row));
    }
    for (Row row : points) {
      GroupBy by = GroupBy.valueOf(row.getString("kind"));
      groups.computeIfAbsent(by, k -> new ArrayList<>()).add(perPoint(by, row));
    }
    List<StatsGroup> ordered = new ArrayList<>();
    for (GroupBy by : request.groupBy()) {
      List<StatsGroup> list = groups.getOrDefault(by, List.of());
      ordered.addAll(
          by == GroupBy.MONTH
              ? months(request, list)
              : list.stream().sorted(BUSIEST).limit(request.maxGroups()).toList());
    }
    return new Stats(request, totals, List.copyOf(ordered));
  }

  private static StatsGroup dimension(GroupBy by, Row row) {
    Figures figures = Figures.from(row);
    if (by == GroupBy.MONTH) {
      LocalDate month = row.getLocalDate("month");
      return new StatsGroup(by, monthKey(month), Labels.month(month), figures, null, null);
    }
    String value = row.getString(StatsRepository.column(by));
    if (value.isEmpty()) {
      return new StatsGroup(by, GroupBy.NONE, Labels.of(by, GroupBy.NONE), figures, null, null);
    }
    if (by == GroupBy.THEME) {
      LocalizedText name = LocalizedText.from(row, "name");
      return new StatsGroup(
          by, value, name.zh() == null ? Labels.of(by, value) : name, figures, null, value);
    }
    return new StatsGroup(by, value, Labels.of(by, value), figures, null, null);
  }

  private static StatsGroup perPoint(GroupBy by, Row row) {
    Figures figures = Figures.from(row);
    if (by == GroupBy.LEVEL) {
      String level = row.getString("level");
      return new StatsGroup(by, level, Labels.of(by, level), figures, null, null);
    }
    long id = row.getLong("point_id");
    return new StatsGroup(
        by, GlobalId.of("Point", id), LocalizedText.from(row, "name"), figures, id, null);
  }

  /** Every month the range touches, in order; a month without activities has zero figures. */
  private static List<StatsGroup> months(StatsRequest request, List<StatsGroup> found) {
    Map<String, StatsGroup> byKey = new HashMap<>();
    found.forEach(g -> byKey.put(g.key(), g));
    List<StatsGroup> months = new ArrayList<>();
    LocalDate last = request.to().withDayOfMonth(1);
    for (LocalDate m = request.from().withDayOfMonth(1); !m.isAfter(last); m = m.plusMonths(1)) {
      String key = monthKey(m);
      months.add(
          byKey.getOrDefault(
              key, new StatsGroup(GroupBy.MONTH, key, Labels.month(m), Figures.ZERO, null, null)));
    }
    return months;
  }

  static String monthKey(LocalDate month) {
    return String.format("%04d-%02d", month.getYear(), month.getMonthValue());
  }
}
