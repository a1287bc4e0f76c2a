package org.practicemap.routes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicemap.common.LocalizedText;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;

/** The {@code RouteInput} of createRoute and updateRoute, checked field by field. */
record RouteInput(
    long ownerPointId,
    String themeCode,
    TravelMode mode,
    LocalizedText name,
    LocalizedText description,
    int sortOrder,
    List<Stop> stops) {

  static final int MIN_STOPS = 2;
  static final int MAX_STOPS = 50;

  record Stop(long pointId, int stayMinutes, LocalizedText note) {}

  @SuppressWarnings("unchecked")
  static RouteInput read(Map<String, Object> input) {
    long owner =
        GlobalId.decodeLong("input.ownerPointId", "Point", (String) input.get("ownerPointId"));
    LocalizedText name =
        new LocalizedText(
            text(input, "nameZh", true),
            text(input, "nameMn", false),
            text(input, "nameEn", false));
    LocalizedText description =
        new LocalizedText(
            text(input, "descriptionZh", false),
            text(input, "descriptionMn", false),
            text(input, "descriptionEn", false));
    Object mode = input.get("mode");
    int sortOrder = input.get("sortOrder") == null ? 0 : (Integer) input.get("sortOrder");
    if (sortOrder < -1000 || sortOrder > 1000) {
      throw ApiException.badInput("input.sortOrder", "sortOrder must be between -1000 and 1000.");
    }
    return new RouteInput(
        owner,
        (String) input.get("themeCode"),
        mode == null ? TravelMode.WALK : TravelMode.valueOf(mode.toString()),
        name,
        description,
        sortOrder,
        stops((List<Map<String, Object>>) input.get("stops")));
  }

  private static List<Stop> stops(List<Map<String, Object>> inputs) {
    if (inputs.size() < MIN_STOPS || inputs.size() > MAX_STOPS) {
      throw ApiException.badInput(
          "input.stops",
          "A route has " + MIN_STOPS + " to " + MAX_STOPS + " stops, not " + inputs.size() + ".");
    }
    List<Stop> stops = new ArrayList<>(inputs.size());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      Map<String, Object> in = inputs.get(i);
      String field = "input.stops[" + i + "]";
      long point = GlobalId.decodeLong(field + ".pointId", "Point", (String) in.get("pointId"));
      if (!seen.add(point)) {
        throw ApiException.badInput(
            field + ".pointId", "A point can be a stop of a route only once.");
      }
      int stay = in.get("stayMinutes") == null ? 30 : (Integer) in.get("stayMinutes");
      if (stay < 0 || stay > 480) {
        throw ApiException.badInput(
            field + ".stayMinutes", "stayMinutes must be between 0 and 480, not " + stay + ".");
      }
      LocalizedText note =
          new LocalizedText(
              text(in, "noteZh", false, field),
              text(in, "noteMn", false, field),
              text(in, "noteEn", false, field));
      stops.add(new Stop(point, stay, note));
    }
    return List.copyOf(stops);
  }

  private static String text(Map<String, Object> input, String key, boolean required) {
    return text(input, key, required, "input");
  }

  /** A text of 1 to 200 characters (trimmed), or null when it may be left out. */
  private static String text(
      Map<String, Object> input, String key, boolean required, String prefix) {
    String value = (String) input.get(key);
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      if (required) {
        throw ApiException.badInput(prefix + "." + key, key + " must not be empty.");
      }
      return null;
    }
    int max = key.startsWith("description") ? 2000 : 200;
    if (trimmed.length() > max) {
      throw ApiException.badInput(
          prefix + "." + key, key + " can have at most " + max + " characters.");
    }
    return trimmed;
  }
}
