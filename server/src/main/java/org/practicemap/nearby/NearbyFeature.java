package org.practicemap.nearby;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.cache.ResponseScope;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.PageRequest;
import org.practicemap.points.PointsFeature;
import org.practicemap.themes.ThemesFeature;

/**
 * {@code nearbyPoints} and {@code nearbyActivities}: what is near a position, nearest first. Both
 * declare their circle to the {@link ResponseScope}: their answers depend on nothing else but the
 * clock, so a replica may keep them until something in the circle changes.
 */
public final class NearbyFeature implements Feature {
  /** When {@code to} is left out: the two weeks from {@code from}. */
  static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

  /** The longest window one question may span, so that it stays a question about "upcoming". */
  static final Duration MAX_WINDOW = Duration.ofDays(92);

  private final NearbySearch search;

  public NearbyFeature(Sql sql) {
    this(new PgNearbySearch(sql));
  }

  NearbyFeature(NearbySearch search) {
    this.search = search;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("nearbyPoints", this::nearbyPoints)
                .dataFetcher("nearbyActivities", this::nearbyActivities));
    wiring.type(
        "NearbyPointEdge",
        t ->
            t.dataFetcher("node", env -> PointsFeature.load(env, pointHit(env).pointId()))
                .dataFetcher("distanceMeters", env -> pointHit(env).distanceMeters())
                .dataFetcher("coordinates", env -> pointHit(env).at())
                .dataFetcher("deployment", env -> pointHit(env).deployment()));
    wiring.type(
        "NearbyActivityEdge",
        t ->
            t.dataFetcher("node", env -> ActivitiesFeature.load(env, activityHit(env).activityId()))
                .dataFetcher("distanceMeters", env -> activityHit(env).distanceMeters())
                .dataFetcher("coordinates", env -> activityHit(env).at()));
  }

  private static PointHit pointHit(DataFetchingEnvironment env) {
    return env.<Connection.Edge<PointHit>>getSource().node();
  }

  private static ActivityHit activityHit(DataFetchingEnvironment env) {
    return env.<Connection.Edge<ActivityHit>>getSource().node();
  }

  private CompletableFuture<Connection<PointHit>> nearbyPoints(DataFetchingEnvironment env) {
    Circle circle = Circle.from(env.getArgument("at"), env.getArgument("radiusMeters"));
    ResponseScope.covers(env, circle.centre(), circle.radiusMeters());
    PageRequest page = PageRequest.from(env);
    PointHit.Key after = PointHit.Key.decode(page.cursor(2));
    Map<String, Object> filter = orEmpty(env.getArgument("filter"));
    List<String> themes = list(filter, "themeCodes");
    PointQuery query =
        new PointQuery(
            circle, list(filter, "levels"), themes, (Boolean) filter.get("openNow"), Instant.now());
    return requireKnownThemes(env, themes)
        .thenCompose(ok -> search.points(query, after, page.limit()).toCompletionStage())
        .thenApply(
            hits -> Connection.of(hits, page, PointHit::cursor, () -> search.countPoints(query)));
  }

  private CompletableFuture<Connection<ActivityHit>> nearbyActivities(DataFetchingEnvironment env) {
    Circle circle = Circle.from(env.getArgument("at"), env.getArgument("radiusMeters"));
    ResponseScope.covers(env, circle.centre(), circle.radiusMeters());
    PageRequest page = PageRequest.from(env);
    ActivityHit.Key after = ActivityHit.Key.decode(page.cursor(3));
    OffsetDateTime from = env.getArgument("from");
    OffsetDateTime to = env.getArgument("to");
    from = from != null ? from : OffsetDateTime.now(LocalZone.ID);
    to = to != null ? to : from.plus(DEFAULT_WINDOW);
    checkWindow(from, to);
    Map<String, Object> filter = orEmpty(env.getArgument("filter"));
    List<String> themes = list(filter, "themeCodes");
    ActivityQuery query =
        new ActivityQuery(
            circle, from, to, themes, list(filter, "categories"), (Boolean) filter.get("hasSeats"));
    return requireKnownThemes(env, themes)
        .thenCompose(ok -> search.activities(query, after, page.limit()).toCompletionStage())
        .thenApply(
            hits ->
                Connection.of(
                    hits, page, ActivityHit::cursor, () -> search.countActivities(query)));
  }

  private static void checkWindow(OffsetDateTime from, OffsetDateTime to) {
    if (!to.isAfter(from)) {
      throw ApiException.badInput("to", "The time range is empty: to must be after from.");
    }
    if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
      throw ApiException.badInput(
          "to", "Ask for at most " + MAX_WINDOW.toDays() + " days of activities at once.");
    }
  }

  private static CompletableFuture<Void> requireKnownThemes(
      DataFetchingEnvironment env, List<String> codes) {
    if (codes == null) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.allOf(
        codes.stream()
            .map(code -> ThemesFeature.requireKnown(env, "filter.themeCodes", code))
            .toArray(CompletableFuture[]::new));
  }

  private static Map<String, Object> orEmpty(Map<String, Object> input) {
    return input == null ? Map.of() : input;
  }

  /** A list input; null when absent (no filter). An empty list matches nothing, as it says. */
  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> input, String key) {
    List<Object> values = (List<Object>) input.get(key);
    return values == null ? null : values.stream().map(Object::toString).toList();
  }
}
