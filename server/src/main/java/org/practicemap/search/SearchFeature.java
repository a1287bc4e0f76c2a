package org.practicemap.search;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.common.Lang;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.PageRequest;
import org.practicemap.points.PointsFeature;

/** {@code search}: points and activities by text, Chinese included, most relevant first. */
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

  private Future<Connection<SearchHit>> search(DataFetchingEnvironment env) {
    String text = SearchText.normalize(env.getArgument("text"));
    // Latin letters typed for a Chinese search may be pinyin; for English or Mongolian they are
    // not.
    boolean pinyin = Lang.of(env.getArgument("lang")) == Lang.ZH;
    PageRequest page = PageRequest.from(env);
    SearchHit.Key after = SearchHit.Key.decode(page.after());
    return repository
        .search(text, pinyin, after, page.limit())
        .map(
            hits ->
                Connection.of(hits, page, SearchHit::cursor, () -> repository.count(text, pinyin)));
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
