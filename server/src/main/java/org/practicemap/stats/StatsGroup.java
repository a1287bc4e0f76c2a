package org.practicemap.stats;

import org.practicemap.common.LocalizedText;

/**
 * One group of {@code stats}: its dimension, key, name and figures.
 *
 * @param pointId the point of a POINT group, else null
 * @param themeCode the theme board of a THEME group, else null
 */
public record StatsGroup(
    GroupBy by, String key, LocalizedText label, Figures figures, Long pointId, String themeCode) {}
