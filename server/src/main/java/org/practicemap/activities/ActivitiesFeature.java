package org.practicemap.activities;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoaderRegistry;
import org.practicemap.common.Coordinates;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.Loaders;
import org.practicemap.graphql.Localized;
import org.practicemap.graphql.PageRequest;
import org.practicemap.graphql.RequestContext;
import org.practicemap.graphql.Results;
import org.practicemap.points.Point;
import org.practicemap.points.PointsFeature;
import org.practicemap.themes.Theme;
import org.practicemap.themes.ThemesFeature;

/** Activities: listing and filtering, and the activities of a point or a theme board. */
public final class ActivitiesFeature implements Feature {
  private static final String BY_ID = "activity.byId";
  private static final String STALLS = "activity.stalls";

  private final ActivityRepository activities;

  public ActivitiesFeature(Sql sql) {
    this.activities = new ActivityRepository(sql);
  }

  /** The activity with this id, or null: batched per request. */
  public static CompletableFuture<Activity> load(DataFetchingEnvironment env, long id) {
    return Loaders.load(env, BY_ID, id);
  }

  @Override
  public void registerLoaders(DataLoaderRegistry registry, RequestContext request) {
    registry.register(BY_ID, Loaders.mapped(activities::byIds));
    registry.register(STALLS, Loaders.mapped(activities::stalls));
  }

  @Override
  public Map<String, Function<String, Future<Object>>> nodeLoaders() {
    return Map.of(
        "Activity",
        key -> activities.byIds(List.of(Long.parseLong(key))).map(m -> m.get(Long.parseLong(key))));
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("activities", this::activities)
                .dataFetcher(
                    "activity",
                    env -> {
                      String id = env.getArgument("id");
                      return load(env, GlobalId.decodeLong("id", "Activity", id))
                          .thenApply(
                              a ->
                                  Results.orNotFound(
                                      env, a, "There is no activity with the ID " + id + "."));
                    }));
    wiring.type(
        "Activity",
        t ->
            t.dataFetcher("id", env -> GlobalId.of("Activity", env.<Activity>getSource().id()))
                .dataFetcher("title", Localized.<Activity>text(Activity::title))
                .dataFetcher("description", Localized.<Activity>text(Activity::description))
                .dataFetcher(
                    "theme", env -> ThemesFeature.load(env, env.<Activity>getSource().themeCode()))
                .dataFetcher("status", env -> env.<Activity>getSource().status(Instant.now()))
                .dataFetcher("bookable", env -> env.<Activity>getSource().bookable(Instant.now()))
                .dataFetcher(
                    "point", env -> PointsFeature.load(env, env.<Activity>getSource().pointId()))
                .dataFetcher("coordinates", this::coordinates)
                .dataFetcher(
                    "stalls",
                    env ->
                        Loaders.<Long, List<Stall>>load(env, STALLS, env.<Activity>getSource().id())
                            .thenApply(stalls -> stalls == null ? List.of() : stalls)));
    wiring.type(
        "Stall",
        t ->
            t.dataFetcher("name", Localized.<Stall>text(Stall::name))
                .dataFetcher("description", Localized.<Stall>text(Stall::description)));
    wiring.type(
        "Point",
        t ->
            t.dataFetcher(
                "activities",
                env -> {
                  Point point = env.getSource();
                  boolean subtree = Boolean.TRUE.equals(env.getArgument("subtree"));
                  ActivityFilter filter =
                      ActivityFilter.NONE
                          .at(new ActivityFilter.PointScope(point.id(), point.path(), subtree))
                          .between(env.getArgument("from"), env.getArgument("to"));
                  return activities.list(filter, PageRequest.from(env));
                }));
    wiring.type(
        "Theme",
        t ->
            t.dataFetcher(
                "activities",
                env -> {
                  ActivityFilter filter =
                      ActivityFilter.NONE
                          .withTheme(env.<Theme>getSource().code())
                          .between(env.getArgument("from"), env.getArgument("to"));
                  return activities.list(filter, PageRequest.from(env));
                }));
  }

  private CompletableFuture<Connection<Activity>> activities(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("filter");
    ActivityFilter filter = ActivityFilter.from(input);
    PageRequest page = PageRequest.from(env);
    String pointId = input == null ? null : (String) input.get("pointId");
    CompletableFuture<ActivityFilter> scoped =
        pointId == null
            ? CompletableFuture.completedFuture(filter)
            : PointsFeature.require(env, "filter.pointId", pointId)
                .thenApply(p -> filter.at(new ActivityFilter.PointScope(p.id(), p.path(), true)));
    return ThemesFeature.requireKnown(env, "filter.themeCode", filter.themeCode())
        .thenCombine(scoped, (ok, f) -> f)
        .thenCompose(f -> activities.list(f, page).toCompletionStage());
  }

  private Object coordinates(DataFetchingEnvironment env) {
    Activity activity = env.getSource();
    if (activity.deploymentLat() != null) {
      return new Coordinates(activity.deploymentLat(), activity.deploymentLng());
    }
    return PointsFeature.load(env, activity.pointId())
        .thenApply(p -> new Coordinates(p.lat(), p.lng()));
  }
}
