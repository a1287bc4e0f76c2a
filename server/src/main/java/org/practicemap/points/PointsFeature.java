package org.practicemap.points;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoaderRegistry;
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
import org.practicemap.themes.Theme;
import org.practicemap.themes.ThemesFeature;

/** The practice network: points, their tree, opening hours and mobile deployments. */
public final class PointsFeature implements Feature {
  private static final String BY_ID = "point.byId";
  private static final String HOURS = "point.openingHours";
  private static final String EXCEPTION = "point.exceptionOnDay";
  private static final String DEPLOYMENT = "point.currentDeployment";
  private static final String MAP_POINTS = "theme.mapPoints";

  private final PointRepository points;

  public PointsFeature(Sql sql) {
    this.points = new PointRepository(sql);
  }

  /** The point with this id, or null: batched per request. */
  public static CompletableFuture<Point> load(DataFetchingEnvironment env, long id) {
    return Loaders.load(env, BY_ID, id);
  }

  /** Decodes a point's global ID and loads it; an unknown one is a {@code NOT_FOUND} error. */
  public static CompletableFuture<Point> require(
      DataFetchingEnvironment env, String field, String globalId) {
    long id = GlobalId.decodeLong(field, "Point", globalId);
    return load(env, id)
        .thenApply(
            point -> {
              if (point == null) {
                throw ApiException.notFound("There is no point with the ID " + globalId + ".");
              }
              return point;
            });
  }

  @Override
  public void registerLoaders(DataLoaderRegistry registry, RequestContext request) {
    registry.register(BY_ID, Loaders.mapped(points::byIds));
    registry.register(HOURS, Loaders.mapped(points::openingHours));
    registry.register(EXCEPTION, Loaders.mapped(points::exceptionsOn));
    registry.register(DEPLOYMENT, Loaders.mapped(points::currentDeployments));
    registry.register(MAP_POINTS, Loaders.mapped(points::mapPointsOfThemes));
  }

  @Override
  public Map<String, Function<String, Future<Object>>> nodeLoaders() {
    return Map.of(
        "Point",
        key -> points.byIds(List.of(Long.parseLong(key))).map(m -> m.get(Long.parseLong(key))));
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("points", this::points)
                .dataFetcher(
                    "point",
                    env -> {
                      String id = env.getArgument("id");
                      return load(env, GlobalId.decodeLong("id", "Point", id))
                          .thenApply(
                              p ->
                                  Results.orNotFound(
                                      env, p, "There is no point with the ID " + id + "."));
                    }));
    wiring.type(
        "Point",
        t ->
            t.dataFetcher("id", env -> GlobalId.of("Point", env.<Point>getSource().id()))
                .dataFetcher("name", Localized.<Point>text(Point::name))
                .dataFetcher("description", Localized.<Point>text(Point::description))
                .dataFetcher("address", Localized.<Point>text(Point::address))
                .dataFetcher("coordinates", env -> coordinates(env.getSource()))
                .dataFetcher(
                    "themes", env -> ThemesFeature.ofPoint(env, env.<Point>getSource().id()))
                .dataFetcher("parent", this::parent)
                .dataFetcher("children", this::children)
                .dataFetcher(
                    "ancestors",
                    env -> Loaders.loadMany(env, BY_ID, env.<Point>getSource().ancestorIds()))
                .dataFetcher("openingHours", env -> hours(env, env.<Point>getSource().id()))
                .dataFetcher("openingExceptions", this::openingExceptions)
                .dataFetcher("isOpenNow", env -> isOpenAt(env, OffsetDateTime.now()))
                .dataFetcher("isOpenAt", env -> isOpenAt(env, env.getArgument("time")))
                .dataFetcher("currentDeployment", this::currentDeployment));
    wiring.type(
        "OpeningException",
        t -> t.dataFetcher("note", Localized.<OpeningException>text(OpeningException::note)));
    wiring.type(
        "Deployment",
        t ->
            t.dataFetcher(
                    "coordinates",
                    env ->
                        new Coordinates(
                            env.<Deployment>getSource().lat(), env.<Deployment>getSource().lng()))
                .dataFetcher("address", Localized.<Deployment>text(Deployment::address)));
    wiring.type(
        "Theme",
        t ->
            t.dataFetcher(
                "mapPoints", env -> Loaders.load(env, MAP_POINTS, env.<Theme>getSource().code())));
  }

  private static Coordinates coordinates(Point point) {
    return new Coordinates(point.lat(), point.lng());
  }

  private Object points(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("filter");
    PointFilter filter = PointFilter.from(input);
    PageRequest page = PageRequest.from(env);
    // An unknown parent is NOT_FOUND, as an unknown point in the activities' filter is, rather
    // than an empty page that looks like a point without children. Both loads start here, in
    // the same dispatch.
    CompletableFuture<Point> parent =
        filter.parentId() == null
            ? CompletableFuture.completedFuture(null)
            : require(env, "filter.parentId", (String) input.get("parentId"));
    return ThemesFeature.requireKnown(env, "filter.themeCode", filter.themeCode())
        .thenCombine(parent, (ok, p) -> p)
        .thenCompose(ok -> points.list(filter, page).toCompletionStage());
  }

  private Object children(DataFetchingEnvironment env) {
    Point point = env.getSource();
    String level = env.getArgument("level");
    return points.list(PointFilter.NONE.withParent(point.id(), level), PageRequest.from(env));
  }

  private CompletableFuture<Point> parent(DataFetchingEnvironment env) {
    Long parentId = env.<Point>getSource().parentId();
    return parentId == null ? CompletableFuture.completedFuture(null) : load(env, parentId);
  }

  private static CompletableFuture<List<OpeningHours>> hours(DataFetchingEnvironment env, long id) {
    return Loaders.<Long, List<OpeningHours>>load(env, HOURS, id)
        .thenApply(hours -> hours == null ? List.of() : hours);
  }

  private Object openingExceptions(DataFetchingEnvironment env) {
    LocalDate from = env.getArgument("from");
    LocalDate to = env.getArgument("to");
    if (from == null) {
      from = LocalDate.now(LocalZone.ID);
    }
    if (to == null) {
      to = from.plusDays(90);
    }
    if (to.isBefore(from)) {
      throw ApiException.badInput("to", "to must not be before from.");
    }
    if (to.isAfter(from.plusDays(731))) {
      throw ApiException.badInput("to", "Ask for at most two years of exceptions at once.");
    }
    return points.exceptionsBetween(env.<Point>getSource().id(), from, to);
  }

  private CompletableFuture<Boolean> isOpenAt(DataFetchingEnvironment env, OffsetDateTime time) {
    long id = env.<Point>getSource().id();
    var local = time.atZoneSameInstant(LocalZone.ID).toLocalDateTime();
    CompletableFuture<OpeningException> exception =
        Loaders.load(env, EXCEPTION, new PointDay(id, local.toLocalDate()));
    return hours(env, id)
        .thenCombine(exception, (hours, ex) -> OpeningSchedule.isOpenAt(local, hours, ex));
  }

  private CompletableFuture<Deployment> currentDeployment(DataFetchingEnvironment env) {
    Point point = env.getSource();
    if (!"MOBILE_POINT".equals(point.level())) {
      return CompletableFuture.completedFuture(null);
    }
    return Loaders.load(env, DEPLOYMENT, point.id());
  }
}
