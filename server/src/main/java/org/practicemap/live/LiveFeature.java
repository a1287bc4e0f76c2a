package org.practicemap.live;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.RequestContext;
import org.practicemap.points.PointsFeature;
import org.practicemap.themes.ThemesFeature;

/** The {@code Subscription} fields: activities as they change, on every replica. */
public final class LiveFeature implements Feature {
  /** Activities waiting for one slow subscriber before it is told to resync instead. */
  static final int MAX_QUEUED = 256;

  private final LiveHub<ActivityChange> hub;
  private final SharedLoaders loaders;

  LiveFeature(LiveHub<ActivityChange> hub, SharedLoaders loaders) {
    this.hub = hub;
    this.loaders = loaders;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Subscription",
        t ->
            t.dataFetcher("activityChanged", this::activityChanged)
                .dataFetcher("activitiesChanged", this::activitiesChanged));
    wiring.type(
        "ActivityEvent",
        t ->
            t.dataFetcher(
                "activityId",
                env -> {
                  Long id = env.<ActivityEvent>getSource().activityId();
                  return id == null ? null : GlobalId.of("Activity", id);
                }));
  }

  private CompletableFuture<EventPublisher<ActivityChange, ActivityEvent>> activityChanged(
      DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    long key = GlobalId.decodeLong("id", "Activity", id);
    Context context = Vertx.currentContext();
    Thread loop = Thread.currentThread();
    return ActivitiesFeature.load(env, key)
        .thenApply(
            activity -> {
              if (activity == null) {
                throw ApiException.notFound("There is no activity with the ID " + id + ".");
              }
              return publisher(env, context, loop, ChangeFilter.activity(key));
            });
  }

  private CompletableFuture<EventPublisher<ActivityChange, ActivityEvent>> activitiesChanged(
      DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("filter");
    Context context = Vertx.currentContext();
    Thread loop = Thread.currentThread();
    if (input == null) {
      return CompletableFuture.completedFuture(publisher(env, context, loop, ChangeFilter.ALL));
    }
    Near near = Near.from(input.get("near"));
    String themeCode = (String) input.get("themeCode");
    String pointId = (String) input.get("pointId");
    CompletableFuture<String> path =
        pointId == null
            ? CompletableFuture.completedFuture(null)
            : PointsFeature.require(env, "filter.pointId", pointId).thenApply(p -> p.path());
    return ThemesFeature.requireKnown(env, "filter.themeCode", themeCode)
        .thenCombine(path, (ok, pointPath) -> near.filter(pointPath, themeCode))
        .thenApply(filter -> publisher(env, context, loop, filter));
  }

  private EventPublisher<ActivityChange, ActivityEvent> publisher(
      DataFetchingEnvironment env, Context context, Thread loop, ChangeFilter filter) {
    if (context == null) {
      throw new IllegalStateException("Subscriptions run on a Vert.x event loop");
    }
    // One registry serves every event of the subscription: with caches of its own, a nested
    // field (the point's name) would keep its first value forever, or cost a statement per
    // subscriber per event if cleared. Shared per batch, it costs one per batch.
    loaders.share(env.getDataLoaderRegistry(), RequestContext.of(env).caller(), loop);
    var stream =
        new EventPublisher.Stream<ActivityChange, ActivityEvent>(
            filter.activityId(),
            change -> change.eventFor(filter),
            ActivityEvent::activityId,
            ActivityEvent::then,
            ActivityEvent.RESYNC);
    return new EventPublisher<>(hub, context, loop, stream, MAX_QUEUED);
  }

  /** The {@code near} condition of a filter, checked. */
  private record Near(Double lat, Double lng, Double radius) {
    static Near from(Object value) {
      if (!(value instanceof Map<?, ?> near)) {
        return new Near(null, null, null);
      }
      Map<?, ?> at = (Map<?, ?>) near.get("at");
      double lat = ((Number) at.get("lat")).doubleValue();
      double lng = ((Number) at.get("lng")).doubleValue();
      double radius = ((Number) near.get("radiusMeters")).doubleValue();
      if (lat < -90 || lat > 90) {
        throw ApiException.badInput("filter.near.at.lat", "A latitude is between -90 and 90.");
      }
      if (lng < -180 || lng > 180) {
        throw ApiException.badInput("filter.near.at.lng", "A longitude is between -180 and 180.");
      }
      if (!(radius > 0)) {
        throw ApiException.badInput(
            "filter.near.radiusMeters", "The radius must be more than 0 metres.");
      }
      return new Near(lat, lng, radius);
    }

    ChangeFilter filter(String pointPath, String themeCode) {
      return new ChangeFilter(null, pointPath, themeCode, lat, lng, radius);
    }
  }
}
