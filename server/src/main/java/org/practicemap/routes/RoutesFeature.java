package org.practicemap.routes;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoaderRegistry;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.common.Coordinates;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.Loaders;
import org.practicemap.graphql.Localized;
import org.practicemap.graphql.PageRequest;
import org.practicemap.graphql.RequestContext;
import org.practicemap.graphql.Results;
import org.practicemap.points.PointsFeature;
import org.practicemap.themes.Theme;
import org.practicemap.themes.ThemesFeature;

/** Curated routes per theme board, and walks planned on request ({@code planRoute}). */
public final class RoutesFeature implements Feature {
  private static final String BY_ID = "route.byId";
  private static final String OF_THEME = "route.ofTheme";

  private final RouteRepository routes;
  private final PlanRouteService planner;
  private final RouteMutations mutations;

  public RoutesFeature(Sql sql) {
    this.routes = new RouteRepository(sql);
    this.planner = new PlanRouteService(sql);
    this.mutations = new RouteMutations(sql);
  }

  @Override
  public void registerLoaders(DataLoaderRegistry registry, RequestContext request) {
    registry.register(BY_ID, Loaders.mapped(routes::byIds));
    registry.register(OF_THEME, Loaders.mapped(routes::ofThemes));
  }

  @Override
  public Map<String, Function<String, Future<Object>>> nodeLoaders() {
    return Map.of(
        "Route",
        key -> routes.byIds(List.of(Long.parseLong(key))).map(m -> m.get(Long.parseLong(key))));
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("routes", this::routes)
                .dataFetcher("route", RoutesFeature::route)
                .dataFetcher("planRoute", this::planRoute));
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher(
                    "createRoute",
                    env -> mutations.create(caller(env), RouteInput.read(env.getArgument("input"))))
                .dataFetcher(
                    "updateRoute",
                    env ->
                        mutations.update(
                            caller(env),
                            GlobalId.decodeLong("id", "Route", env.getArgument("id")),
                            RouteInput.read(env.getArgument("input"))))
                .dataFetcher(
                    "deleteRoute",
                    env ->
                        mutations.delete(
                            caller(env),
                            GlobalId.decodeLong("id", "Route", env.getArgument("id")))));
    wiring.type(
        "Route",
        t ->
            t.dataFetcher("id", env -> GlobalId.of("Route", env.<Route>getSource().id()))
                .dataFetcher("name", Localized.<Route>text(Route::name))
                .dataFetcher("description", Localized.<Route>text(Route::description))
                .dataFetcher(
                    "theme", env -> ThemesFeature.load(env, env.<Route>getSource().themeCode()))
                .dataFetcher(
                    "travelMinutes", env -> minutes(env.<Route>getSource().travelMinutes()))
                .dataFetcher("totalMinutes", env -> minutes(env.<Route>getSource().totalMinutes()))
                .dataFetcher(
                    "geoJsonUrl",
                    env ->
                        "/geo/routes/"
                            + GlobalId.of("Route", env.<Route>getSource().id())
                            + ".geojson"));
    wiring.type(
        "RouteStop",
        t ->
            t.dataFetcher(
                    "point", env -> PointsFeature.load(env, env.<RouteStop>getSource().pointId()))
                .dataFetcher("note", Localized.<RouteStop>text(RouteStop::note))
                .dataFetcher(
                    "legMinutes", env -> minutes(env.<RouteStop>getSource().legMinutes())));
    wiring.type(
        "PlannedRoute",
        t ->
            t.dataFetcher(
                    "travelMinutes", env -> minutes(env.<PlannedRoute>getSource().travelMinutes()))
                .dataFetcher(
                    "totalMinutes",
                    env -> {
                      PlannedRoute route = env.getSource();
                      return minutes(
                          java.time.Duration.between(route.startsAt(), route.endsAt()).toSeconds()
                              / 60.0);
                    }));
    wiring.type(
        "PlannedStop",
        t ->
            t.dataFetcher(
                    "point",
                    env ->
                        PointsFeature.load(
                            env, env.<PlannedRoute.PlannedStop>getSource().pointId()))
                .dataFetcher("activity", RoutesFeature::plannedActivity)
                .dataFetcher(
                    "legMinutes",
                    env -> minutes(env.<PlannedRoute.PlannedStop>getSource().legMinutes()))
                .dataFetcher(
                    "freeMinutesBefore",
                    env -> minutes(env.<PlannedRoute.PlannedStop>getSource().freeMinutesBefore())));
    wiring.type(
        "Theme",
        t ->
            t.dataFetcher(
                "routes", env -> Loaders.load(env, OF_THEME, env.<Theme>getSource().code())));
  }

  private static org.practicemap.auth.Caller caller(DataFetchingEnvironment env) {
    return RequestContext.of(env).caller();
  }

  /** Minutes shown to people: whole ones. */
  private static int minutes(double minutes) {
    return (int) Math.round(minutes);
  }

  private Object routes(DataFetchingEnvironment env) {
    String themeCode = env.getArgument("themeCode");
    PageRequest page = PageRequest.from(env);
    return ThemesFeature.requireKnown(env, "themeCode", themeCode)
        .thenCompose(ok -> routes.list(themeCode, page).toCompletionStage());
  }

  private static Object route(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    return Loaders.<Long, Route>load(env, BY_ID, GlobalId.decodeLong("id", "Route", id))
        .thenApply(r -> Results.orNotFound(env, r, "There is no route with the ID " + id + "."));
  }

  private static CompletableFuture<?> plannedActivity(DataFetchingEnvironment env) {
    Long id = env.<PlannedRoute.PlannedStop>getSource().activityId();
    return id == null ? CompletableFuture.completedFuture(null) : ActivitiesFeature.load(env, id);
  }

  private CompletableFuture<PlannedRoute> planRoute(DataFetchingEnvironment env) {
    PlanRouteService.Request request = PlanInput.read(env.getArgument("input"));
    var context = Vertx.currentContext();
    List<String> themes = request.themeCodes();
    CompletableFuture<?>[] checks =
        themes == null
            ? new CompletableFuture<?>[0]
            : themes.stream()
                .map(code -> ThemesFeature.requireKnown(env, "input.themeCodes", code))
                .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(checks)
        .thenCompose(ok -> planner.plan(request, context).toCompletionStage());
  }

  /** The {@code PlanRouteInput} argument, checked: bad values are BAD_USER_INPUT errors. */
  static final class PlanInput {
    static final int MIN_MINUTES = 15;
    static final int MAX_MINUTES = 720;
    static final int MAX_STOPS = 10;

    private PlanInput() {}

    @SuppressWarnings("unchecked")
    static PlanRouteService.Request read(Map<String, Object> input) {
      Coordinates start =
          Coordinates.fromInput((Map<String, Object>) input.get("start"), "input.start");
      OffsetDateTime now = OffsetDateTime.now(LocalZone.ID);
      OffsetDateTime startAt = (OffsetDateTime) input.get("startAt");
      startAt = startAt == null ? now : startAt;
      if (startAt.isBefore(now.minusDays(1)) || startAt.isAfter(now.plusDays(366))) {
        throw ApiException.badInput(
            "input.startAt", "startAt must be between yesterday and a year from now.");
      }
      int maxMinutes = between(input, "maxMinutes", MIN_MINUTES, MAX_MINUTES, null);
      int maxStops = between(input, "maxStops", 1, MAX_STOPS, 5);
      int stay = between(input, "stayMinutes", 5, 240, 30);
      if (stay > maxMinutes) {
        throw ApiException.badInput(
            "input.stayMinutes", "stayMinutes cannot be longer than maxMinutes.");
      }
      List<Object> themes = (List<Object>) input.get("themeCodes");
      Object mode = input.get("mode");
      return new PlanRouteService.Request(
          start,
          themes == null ? null : themes.stream().map(Object::toString).toList(),
          startAt,
          maxMinutes,
          mode == null ? TravelMode.WALK : TravelMode.valueOf(mode.toString()),
          maxStops,
          stay);
    }

    private static int between(
        Map<String, Object> input, String key, int min, int max, Integer orElse) {
      Integer value = (Integer) input.get(key);
      if (value == null && orElse != null) {
        return orElse;
      }
      if (value == null || value < min || value > max) {
        throw ApiException.badInput(
            "input." + key,
            key + " must be between " + min + " and " + max + ", not " + value + ".");
      }
      return value;
    }
  }
}
