package org.practicemap.cache;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.common.Coordinates;

/**
 * What one HTTP request's answer depends on, as its root fields declare it: a root field that can
 * be cached says which circle it looked in ({@link #covers}). The answer may be kept only when
 * every root field declared itself — a field that says nothing (a booking, a token list, a search)
 * keeps the whole answer out of the cache.
 */
public final class ResponseScope {
  private final List<Area> areas = new ArrayList<>();

  /** A circle an answer looked in: a change inside it makes the answer stale. */
  public record Area(Coordinates centre, double radiusMeters) {}

  /**
   * Declares that the root field being fetched answers about this circle only (and the clock). A
   * no-op outside a cacheable request (a WebSocket, a caller with a token, the cache off).
   */
  public static void covers(DataFetchingEnvironment env, Coordinates centre, double radiusMeters) {
    ResponseScope scope = env.getGraphQlContext().get(ResponseScope.class);
    if (scope != null && env.getExecutionStepInfo().getPath().getLevel() == 1) {
      scope.add(new Area(centre, radiusMeters));
    }
  }

  private synchronized void add(Area area) {
    areas.add(area);
  }

  public synchronized List<Area> areas() {
    return List.copyOf(areas);
  }
}
