package org.practicemap.live;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.activities.Activity;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.RequestContext;
import org.practicemap.live.ActivityEvent.Kind;
import org.practicemap.nearby.Circle;
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

  /**
   * Registers with the hub before it reads the activity, then sends what it read as the first event
   * ({@code CURRENT}): a change committed after the registration arrives as an event, one committed
   * before it is in the first event, so nothing falls between a subscribe and the first change
   * (before, the subscription was registered only after its existence check had returned, and a
   * change committed meanwhile was never delivered). Events of changes the first event already
   * shows (its version or older) are dropped. The read is also the existence check: an unknown
   * activity ends the registration and answers NOT_FOUND.
   */
  private CompletableFuture<EventPublisher<ActivityChange, ActivityEvent>> activityChanged(
      DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    long key = GlobalId.decodeLong("id", "Activity", id);
    Context context = Vertx.currentContext();
    Thread loop = Thread.currentThread();
    var publisher = held(context, loop, ChangeFilter.activity(key));
    CompletableFuture<Activity> now;
    try {
      now = ActivitiesFeature.load(env, key);
    } catch (RuntimeException e) {
      publisher.abandon();
      throw e;
    }
    return now.whenComplete(
            (activity, error) -> {
              if (error != null || activity == null) {
                publisher.abandon();
              }
            })
        .thenApply(
            activity -> {
              if (activity == null) {
                throw ApiException.notFound("There is no activity with the ID " + id + ".");
              }
              share(env, loop);
              long version = activity.version();
              publisher.open(
                  new ActivityEvent(Kind.CURRENT, key, activity),
                  e -> e.activity() != null && e.activity().version() <= version);
              return publisher;
            });
  }

  /**
   * Registers once the filter is checked, and sends {@code RESYNC} as the first event: "query what
   * you show now"; every change after it arrives as an event. A list has no single state to send
   * first (a filter may cover thousands of activities), so the client queries it, and knows when.
   */
  private CompletableFuture<EventPublisher<ActivityChange, ActivityEvent>> activitiesChanged(
      DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("filter");
    Context context = Vertx.currentContext();
    Thread loop = Thread.currentThread();
    if (input == null) {
      return CompletableFuture.completedFuture(live(env, context, loop, ChangeFilter.ALL));
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
        .thenApply(filter -> live(env, context, loop, filter));
  }

  private EventPublisher<ActivityChange, ActivityEvent> live(
      DataFetchingEnvironment env, Context context, Thread loop, ChangeFilter filter) {
    var publisher = held(context, loop, filter);
    share(env, loop);
    publisher.open(ActivityEvent.RESYNC, e -> false);
    return publisher;
  }

  private EventPublisher<ActivityChange, ActivityEvent> held(
      Context context, Thread loop, ChangeFilter filter) {
    if (context == null) {
      throw new IllegalStateException("Subscriptions run on a Vert.x event loop");
    }
    var stream =
        new EventPublisher.Stream<ActivityChange, ActivityEvent>(
            filter.activityId(),
            change -> change.eventFor(filter),
            ActivityEvent::activityId,
            ActivityEvent::then,
            ActivityEvent.RESYNC);
    return EventPublisher.held(hub, context, loop, stream, MAX_QUEUED);
  }

  /**
   * One registry serves every event of the subscription: with caches of its own, a nested field
   * (the point's name) would keep its first value forever, or cost a statement per subscriber per
   * event if cleared. Shared per batch, it costs one per batch. Call after the subscription's own
   * loads (a loader replaced while its load waits for dispatch would never answer).
   */
  private void share(DataFetchingEnvironment env, Thread loop) {
    loaders.share(env.getDataLoaderRegistry(), RequestContext.of(env).caller(), loop);
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
      // The same bound as nearby search: a wider circle is a region, better followed by point.
      if (!(radius > 0 && radius <= Circle.MAX_RADIUS_M)) {
        throw ApiException.badInput(
            "filter.near.radiusMeters",
            "The radius must be more than 0 metres and at most 50000 (50 km), not " + radius + ".");
      }
      return new Near(lat, lng, radius);
    }

    ChangeFilter filter(String pointPath, String themeCode) {
      return new ChangeFilter(null, pointPath, themeCode, lat, lng, radius);
    }
  }
}
