package org.practicemap.search;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.common.Lang;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.PageRequest;
import org.practicemap.nearby.Circle;
import org.practicemap.points.PointsFeature;

/**
 * {@code search}: points and activities by text, Chinese included, most relevant first; on request
 * only those within a circle ({@code near}) and/or in a point's subtree ({@code pointId}).
 */
public final class SearchFeature implements Feature {
  private final SearchRepository repository;

  public SearchFeature(Sql sql) {
    this.repository = new SearchRepository(sql);
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", t -> t.dataFetcher("search", this::search));
    wiring.type(
        "SearchResult",
        t ->
            t.typeResolver(
                env -> env.getSchema().getObjectType(env.getObject().getClass().getSimpleName())));
    wiring.type(
        "SearchEdge",
        t ->
            t.dataFetcher("node", SearchFeature::node)
                .dataFetcher("score", env -> hit(env).score())
                .dataFetcher("matchedIn", env -> hit(env).matchedIn()));
  }

  private CompletableFuture<Connection<SearchHit>> search(DataFetchingEnvironment env) {
    String text = SearchText.normalize(env.getArgument("text"));
    // Latin letters typed for a Chinese search may be pinyin; for English or Mongolian they are
    // not.
    boolean pinyin = Lang.of(env.getArgument("lang")) == Lang.ZH;
    Map<String, Object> near = env.getArgument("near");
    // The same circle as nearby search, checked by the same code (and with the same messages).
    Circle circle = near == null ? null : Circle.fromNear(near, "near");
    PageRequest page = PageRequest.from(env);
    SearchHit.Key after = SearchHit.Key.decode(page.after());
    return subtreePath(env, env.getArgument("pointId"))
        .thenCompose(
            path -> {
              SearchPlace place = new SearchPlace(circle, path);
              return repository
                  .search(text, pinyin, place, after, page.limit())
                  .map(
                      hits ->
                          Connection.of(
                              hits,
                              page,
                              SearchHit::cursor,
                              () -> repository.count(text, pinyin, place)))
                  .toCompletionStage();
            });
  }

  /**
   * The path of the point whose subtree the search keeps to; null without {@code pointId}. An
   * unknown point is NOT_FOUND rather than an empty page, as in the activities' filter.
   */
  private static CompletableFuture<String> subtreePath(
      DataFetchingEnvironment env, String pointId) {
    if (pointId == null) {
      return CompletableFuture.completedFuture(null);
    }
    return PointsFeature.require(env, "pointId", pointId)
        .handle(
            (point, failure) -> {
              if (failure == null) {
                return point.path();
              }
              Throwable cause =
                  failure instanceof CompletionException && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              if (cause instanceof ApiException api && api.code() == ErrorCode.NOT_FOUND) {
                throw new ApiException(
                    ErrorCode.NOT_FOUND, api.getMessage(), Map.of("field", "pointId"));
              }
              throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
            });
  }

  private static SearchHit hit(DataFetchingEnvironment env) {
    return env.<Connection.Edge<SearchHit>>getSource().node();
  }

  private static CompletableFuture<?> node(DataFetchingEnvironment env) {
    SearchHit hit = hit(env);
    return "POINT".equals(hit.kind())
        ? PointsFeature.load(env, hit.refId())
        : ActivitiesFeature.load(env, hit.refId());
  }
}
