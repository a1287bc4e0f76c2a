package org.practicemap.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.db.Sql;

/** What PostgreSQL plans for a statement, for tests that prove a query walks an index. */
public final class QueryPlans {
  private QueryPlans() {}

  /**
   * Every node of the statement's plan (EXPLAIN, as the server would run it with these values), one
   * line each: {@code "Bitmap Index Scan using search_doc_grams_gin"}, {@code "Seq Scan on point"}.
   */
  public static List<String> nodes(Sql sql, String statement, Tuple args) {
    String plan =
        sql.query("EXPLAIN (FORMAT JSON) " + statement, args)
            .await()
            .iterator()
            .next()
            .getValue(0)
            .toString();
    List<String> nodes = new ArrayList<>();
    collect(new JsonArray(plan).getJsonObject(0).getJsonObject("Plan"), nodes);
    return nodes;
  }

  private static void collect(JsonObject node, List<String> nodes) {
    String relation = node.getString("Relation Name");
    String index = node.getString("Index Name");
    nodes.add(
        node.getString("Node Type")
            + (relation != null ? " on " + relation : "")
            + (index != null ? " using " + index : ""));
    JsonArray children = node.getJsonArray("Plans");
    if (children != null) {
      children.forEach(child -> collect((JsonObject) child, nodes));
    }
  }
}
