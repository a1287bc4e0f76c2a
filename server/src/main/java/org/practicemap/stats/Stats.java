package org.practicemap.stats;

import java.util.List;

/** The answer to a {@link StatsRequest}: the totals and the groups asked for. */
public record Stats(StatsRequest request, Figures totals, List<StatsGroup> groups) {}
