package org.practicemap.geo;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.practicemap.common.Lang;
import org.practicemap.graphql.ApiException;

/**
 * The parameters of {@code /geo/points.geojson}: {@code theme} and {@code level} (each repeated or
 * comma-separated, matching any of their values) and {@code lang} (zh, mn or en). Anything else is
 * refused, so that a typo ("themes=…") does not silently export every point.
 */
record PointsQuery(List<String> themes, List<String> levels, Lang lang) {
  private static final Set<String> PARAMETERS = Set.of("theme", "level", "lang");
  private static final Set<String> LEVELS =
      Set.of("CENTER", "INSTITUTE", "STATION", "BASE", "SERVICE_POINT", "MOBILE_POINT", "VENUE");

  static PointsQuery parse(MultiMap params) {
    for (String name : params.names()) {
      if (!PARAMETERS.contains(name)) {
        throw ApiException.badInput(
            "Unknown parameter \"" + name + "\"; use theme, level and lang.");
      }
    }
    List<String> themes = list(params, "theme");
    List<String> levels = list(params, "level");
    if (levels != null) {
      for (String level : levels) {
        if (!LEVELS.contains(level)) {
          throw ApiException.badInput(
              "There is no level \"" + level + "\"; use one of " + String.join(", ", LEVELS) + ".");
        }
      }
    }
    return new PointsQuery(themes, levels, lang(params));
  }

  static Lang lang(MultiMap params) {
    String lang = params.get("lang");
    if (lang == null) {
      return Lang.ZH;
    }
    try {
      return Lang.valueOf(lang.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput("There is no language \"" + lang + "\"; use zh, mn or en.");
    }
  }

  /** The values of a repeated or comma-separated parameter; null when it is absent. */
  private static List<String> list(MultiMap params, String name) {
    if (!params.contains(name)) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (String value : params.getAll(name)) {
      for (String part : value.split(",", -1)) {
        String trimmed = part.strip().toUpperCase(java.util.Locale.ROOT);
        if (trimmed.isEmpty()) {
          throw ApiException.badInput("The parameter \"" + name + "\" has an empty value.");
        }
        values.add(trimmed);
      }
    }
    return values;
  }
}
