package org.practicemap.activities;

import java.time.OffsetDateTime;
import java.util.Map;
import org.practicemap.graphql.ApiException;

/** Which activities to list; null fields do not filter. */
public record ActivityFilter(
    String themeCode,
    PointScope point,
    OffsetDateTime from,
    OffsetDateTime to,
    String category,
    String festival,
    Boolean hasSeats,
    String status) {

  /** Activities at one point ({@code subtree} false) or at it and every point below it. */
  public record PointScope(long id, String path, boolean subtree) {}

  public static final ActivityFilter NONE =
      new ActivityFilter(null, null, null, null, null, null, null, null);

  /** Reads the {@code ActivityFilter} input, all but the point (resolved by the caller). */
  static ActivityFilter from(Map<String, Object> input) {
    if (input == null) {
      return NONE;
    }
    return new ActivityFilter(
            (String) input.get("themeCode"),
            null,
            (OffsetDateTime) input.get("from"),
            (OffsetDateTime) input.get("to"),
            (String) input.get("category"),
            (String) input.get("festival"),
            (Boolean) input.get("hasSeats"),
            (String) input.get("status"))
        .checked("filter.");
  }

  ActivityFilter at(PointScope scope) {
    return new ActivityFilter(themeCode, scope, from, to, category, festival, hasSeats, status);
  }

  ActivityFilter between(OffsetDateTime from, OffsetDateTime to) {
    return new ActivityFilter(themeCode, point, from, to, category, festival, hasSeats, status)
        .checked("");
  }

  ActivityFilter withTheme(String code) {
    return new ActivityFilter(code, point, from, to, category, festival, hasSeats, status);
  }

  private ActivityFilter checked(String prefix) {
    if (from != null && to != null && !to.isAfter(from)) {
      throw ApiException.badInput(prefix + "to", "The time range is empty: to must be after from.");
    }
    return this;
  }
}
