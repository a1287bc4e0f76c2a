package org.practicemap.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestServer;

/** The issue's own example on the Horqin demo data: "非遗" finds the 邂逅非遗 points and classes. */
class SearchDemoTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.withDemoData();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void heritageFindsTheBoardsPointsAndUpcomingHeritageClassesMostRelevantFirst() {
    JsonObject result =
        server
            .data(
                "{ search(text: \"非遗\", first: 100) { totalCount edges { score matchedIn node {"
                    + " __typename ... on Point { onMap themes { code } }"
                    + " ... on Activity { category status theme { code } } } } } }")
            .getJsonObject("search");
    JsonArray edges = result.getJsonArray("edges");
    int mapPointsOnBoard = 0;
    int classes = 0;
    int previous = Integer.MAX_VALUE;
    for (Object e : edges) {
      JsonObject edge = (JsonObject) e;
      int score = edge.getInteger("score");
      assertTrue(score <= previous, "most relevant first");
      previous = score;
      JsonObject node = edge.getJsonObject("node");
      if ("Point".equals(node.getString("__typename"))
          && node.getBoolean("onMap")
          && node.getJsonArray("themes").encode().contains("INTANGIBLE_HERITAGE")) {
        mapPointsOnBoard++;
      }
      if ("Activity".equals(node.getString("__typename"))) {
        assertTrue(List.of("SCHEDULED", "ONGOING").contains(node.getString("status")));
        if ("CLASS".equals(node.getString("category"))) {
          classes++;
        }
      }
    }
    // The board has seven map points (five of them in the town), all must be found.
    assertTrue(mapPointsOnBoard >= 7, "map points of the board: " + mapPointsOnBoard);
    assertTrue(classes > 0, "heritage classes: " + result.encode());
    assertTrue(result.getInteger("totalCount") > edges.size() || edges.size() < 100);
  }

  @Test
  void pinyinFindsTheSameBoard() {
    JsonObject result =
        server
            .data("{ search(text: \"feiyi\", first: 5) { totalCount edges { matchedIn } } }")
            .getJsonObject("search");
    assertTrue(result.getInteger("totalCount") > 5);
  }
}
