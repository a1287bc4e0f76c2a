package org.practicemap.stats;

import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    Map<String, Figures> sums = new LinkedHashMap<>();
    Map<String, LocalizedText> themeNames = new HashMap<>();
    for (Row row : dims) {
      Figures figures = Figures.from(row);
      String dim = row.getString("dim");
      String key = row.getString("key");
      LocalDate month = row.getLocalDate("month");
      if (dim.isEmpty()) {
        totals = totals.plus(figures);
        if (month != null && request.wants(GroupBy.MONTH)) {
          sums.merge("MONTH/" + monthKey(month), figures, Figures::plus);
        }
        continue;
      }
      sums.merge(dim + "/" + key, figures, Figures::plus);
      if (dim.equals("THEME") && row.getString("name_zh") != null) {
        themeNames.put(key, LocalizedText.from(row, "name"));
      }
    }
    Map<GroupBy, List<StatsGroup>> groups = new EnumMap<>(GroupBy.class);
    sums.forEach(
        (dimKey, figures) -> {
          int slash = dimKey.indexOf('/');
          GroupBy by = GroupBy.valueOf(dimKey.substring(0, slash));
          StatsGroup group = group(by, dimKey.substring(slash + 1), figures, themeNames);
          groups.computeIfAbsent(by, k -> new ArrayList<>()).add(group);
        });
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

  private static StatsGroup group(
      GroupBy by, String key, Figures figures, Map<String, LocalizedText> themeNames) {
    if (by == GroupBy.MONTH) {
      LocalDate month = LocalDate.parse(key + "-01");
      return new StatsGroup(by, key, Labels.month(month), figures, null, null);
    }
    if (key.isEmpty()) {
      return new StatsGroup(by, GroupBy.NONE, Labels.of(by, GroupBy.NONE), figures, null, null);
    }
    if (by == GroupBy.THEME) {
      LocalizedText name = themeNames.getOrDefault(key, Labels.of(by, key));
      return new StatsGroup(by, key, name, figures, null, key);
    }
    return new StatsGroup(by, key, Labels.of(by, key), figures, null, null);
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
