package org.practicemap.stats;

/** The dimensions of {@code StatsGroupBy}, as in the schema. */
public enum GroupBy {
  THEME,
  LEVEL,
  MONTH,
  POINT,
  CATEGORY,
  DEPARTMENT,
  FESTIVAL;

  /** The key of the group of activities without this attribute (no theme, no festival…). */
  static final String NONE = "NONE";

  /** Whether the per-point rollups answer this dimension (the others come from the subtree's). */
  boolean perPoint() {
    return this == POINT || this == LEVEL;
  }
}
