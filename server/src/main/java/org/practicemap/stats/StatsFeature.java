package org.practicemap.stats;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.Localized;
import org.practicemap.points.PointsFeature;
import org.practicemap.themes.ThemesFeature;

/**
 * {@code stats}: public aggregate figures of the network (see the Reports section of the schema).
 * No role check: the figures hold no personal data, and kiosks show them without a token.
 */
public final class StatsFeature implements Feature {
  private final StatsRepository stats;

  public StatsFeature(Sql sql) {
    this.stats = new StatsRepository(sql);
  }

  /** The figures asked for; for the CSV export, which answers the same question over HTTP. */
  public io.vertx.core.Future<Stats> stats(StatsRequest request) {
    return stats.stats(request);
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", t -> t.dataFetcher("stats", env -> stats.stats(request(env))));
    wiring.type(
        "Stats",
        t ->
            t.dataFetcher("activitiesHeld", figure(Figures::held, Stats::totals))
                .dataFetcher("peopleServed", figure(Figures::served, Stats::totals))
                .dataFetcher("bookings", figure(Figures::bookings, Stats::totals))
                .dataFetcher("noShowRate", env -> env.<Stats>getSource().totals().noShowRate())
                .dataFetcher("fillRate", env -> env.<Stats>getSource().totals().fillRate())
                .dataFetcher("from", env -> env.<Stats>getSource().request().from())
                .dataFetcher("to", env -> env.<Stats>getSource().request().to())
                .dataFetcher("scope", StatsFeature::scope)
                .dataFetcher("groups", env -> env.<Stats>getSource().groups()));
    wiring.type(
        "StatsGroup",
        t ->
            t.dataFetcher("by", env -> env.<StatsGroup>getSource().by().name())
                .dataFetcher("label", Localized.<StatsGroup>text(StatsGroup::label))
                .dataFetcher("activitiesHeld", figure(Figures::held, StatsGroup::figures))
                .dataFetcher("peopleServed", figure(Figures::served, StatsGroup::figures))
                .dataFetcher("bookings", figure(Figures::bookings, StatsGroup::figures))
                .dataFetcher(
                    "noShowRate", env -> env.<StatsGroup>getSource().figures().noShowRate())
                .dataFetcher("fillRate", env -> env.<StatsGroup>getSource().figures().fillRate())
                .dataFetcher(
                    "theme",
                    env -> ThemesFeature.load(env, env.<StatsGroup>getSource().themeCode()))
                .dataFetcher("point", StatsFeature::point));
  }

  static StatsRequest request(DataFetchingEnvironment env) {
    List<String> groupBy = env.getArgument("groupBy");
    return StatsRequest.of(
        env.getArgument("scope"),
        env.<LocalDate>getArgument("from"),
        env.<LocalDate>getArgument("to"),
        groupBy == null ? List.of() : groupBy.stream().map(GroupBy::valueOf).toList(),
        env.getArgument("maxGroups"),
        LocalDate.now(LocalZone.ID));
  }

  /** Counts are Int in the schema: a year of one network stays far below 2^31. */
  private static <S> DataFetcher<Integer> figure(
      Function<Figures, Long> count, Function<S, Figures> figures) {
    return env -> Math.toIntExact(count.apply(figures.apply(env.getSource())));
  }

  private static Object scope(DataFetchingEnvironment env) {
    Long id = env.<Stats>getSource().request().scopeId();
    return id == null ? null : PointsFeature.load(env, id);
  }

  private static CompletableFuture<?> point(DataFetchingEnvironment env) {
    Long id = env.<StatsGroup>getSource().pointId();
    return id == null ? CompletableFuture.completedFuture(null) : PointsFeature.load(env, id);
  }
}
