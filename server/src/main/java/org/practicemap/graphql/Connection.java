package org.practicemap.graphql;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A page of a Relay cursor connection. {@code totalCount} is a query of its own, run only when a
 * client selects it (the wiring calls the supplier).
 */
public record Connection<T>(
    List<Edge<T>> edges, PageInfo pageInfo, Supplier<Future<Integer>> totalCount) {

  public record Edge<T>(T node, String cursor) {}

  public record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

  /**
   * Builds a page from rows fetched with {@code LIMIT first + 1}: the extra row, when present, only
   * tells that a next page exists.
   */
  public static <T> Connection<T> of(
      List<T> rowsPlusOne,
      PageRequest page,
      Function<T, String> cursorOf,
      Supplier<Future<Integer>> totalCount) {
    boolean hasNext = rowsPlusOne.size() > page.first();
    List<T> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
    List<Edge<T>> edges = new ArrayList<>(rows.size());
    for (T row : rows) {
      edges.add(new Edge<>(row, cursorOf.apply(row)));
    }
    String start = edges.isEmpty() ? null : edges.get(0).cursor();
    String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new Connection<>(
        List.copyOf(edges), new PageInfo(hasNext, page.after() != null, start, end), totalCount);
  }
}
