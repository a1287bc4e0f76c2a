package org.practicemap.points;

import java.util.Map;
import org.practicemap.graphql.GlobalId;

/** The {@code PointFilter} input, decoded. Null fields do not filter. */
record PointFilter(String level, String themeCode, Long parentId, Boolean onMap, String text) {
  static final PointFilter NONE = new PointFilter(null, null, null, null, null);

  static PointFilter from(Map<String, Object> input) {
    if (input == null) {
      return NONE;
    }
    String parentId = (String) input.get("parentId");
    String text = (String) input.get("text");
    return new PointFilter(
        (String) input.get("level"),
        (String) input.get("themeCode"),
        parentId == null ? null : GlobalId.decodeLong("filter.parentId", "Point", parentId),
        (Boolean) input.get("onMap"),
        text == null || text.isBlank() ? null : text.trim());
  }

  PointFilter withParent(long parent, String childLevel) {
    return new PointFilter(childLevel, themeCode, parent, onMap, text);
  }
}
