package org.practicemap.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;

/**
 * What {@code stats} (and the CSV export) is asked: a subtree, an inclusive range of local days,
 * the dimensions to split by. Checked once here for both doors.
 *
 * @param scopeId the point whose subtree is counted, or null for the whole network
 */
public record StatsRequest(
    Long scopeId, LocalDate from, LocalDate to, List<GroupBy> groupBy, int maxGroups) {

  /**
   * The longest range: a year (a leap year's 366 days). The reports speak of years; a longer span
   * is several questions, and the range bounds the work of a request on the months not yet settled.
   */
  static final int MAX_DAYS = 366;

  static final int MAX_GROUPS = 1000;
  static final int DEFAULT_GROUPS = 100;

  /**
   * Checks and completes the arguments: from defaults to 1 January of {@code today}'s year, to to
   * {@code today}; repeated dimensions count once.
   */
  public static StatsRequest of(
      String scope,
      LocalDate from,
      LocalDate to,
      List<GroupBy> groupBy,
      Integer maxGroups,
      LocalDate today) {
    Long scopeId = scope == null ? null : GlobalId.decodeLong("scope", "Point", scope);
    LocalDate last = to != null ? to : today;
    LocalDate first = from != null ? from : LocalDate.of(last.getYear(), 1, 1);
    if (from == null && first.isAfter(last)) {
      first = last;
    }
    if (first.isAfter(last)) {
      throw ApiException.badInput("from", "from (" + first + ") is after to (" + last + ").");
    }
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    if (days > MAX_DAYS) {
      throw ApiException.badInput(
          "to",
          "The range from "
              + first
              + " to "
              + last
              + " is "
              + days
              + " days; ask for at most "
              + MAX_DAYS
              + " days at a time.");
    }
    int limit = maxGroups == null ? DEFAULT_GROUPS : maxGroups;
    if (limit < 1 || limit > MAX_GROUPS) {
      throw ApiException.badInput(
          "maxGroups", "maxGroups is 1 to " + MAX_GROUPS + ", not " + limit + ".");
    }
    List<GroupBy> dims =
        groupBy == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(groupBy));
    return new StatsRequest(scopeId, first, last, List.copyOf(dims), limit);
  }

  boolean wants(GroupBy by) {
    return groupBy.contains(by);
  }
}
