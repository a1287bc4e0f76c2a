package org.practicemap.search;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reading a {@code search} connection in tests. */
final class SearchResults {
  private SearchResults() {}

  /** The names (points) and titles (activities) of the page, in order. */
  static List<String> found(JsonObject connection) {
    List<String> found = new ArrayList<>();
    connection
        .getJsonArray("edges")
        .forEach(
            e -> {
              JsonObject node = ((JsonObject) e).getJsonObject("node");
              found.add(
                  node.containsKey("name") ? node.getString("name") : node.getString("title"));
            });
    return found;
  }
}
