package org.practicemap.live;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.RequestContext;
import org.practicemap.kiosks.Kiosk;
import org.practicemap.kiosks.KiosksFeature;

/**
 * {@code kioskUpdated(id)}: a screen follows its own configuration. Public like {@code kiosk(id)},
 * since the configuration holds nothing secret; what the events' kiosks show of the operational
 * fields still depends on the subscriber's token.
 */
final class KioskSubscriptions implements Feature {
  private final LiveHub<KioskChange> hub;
  private final SharedLoaders loaders;

  KioskSubscriptions(LiveHub<KioskChange> hub, SharedLoaders loaders) {
    this.hub = hub;
    this.loaders = loaders;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Subscription", t -> t.dataFetcher("kioskUpdated", this::kioskUpdated));
  }

  /**
   * Registers with the hub before it reads the kiosk, then sends what it read as the first event
   * ({@code CURRENT}), as {@code activityChanged} does: a change committed between the subscribe
   * and the registration is in that first event, so none is lost. Events the first one already
   * shows (its version or older) are dropped; an unknown kiosk ends the registration, NOT_FOUND.
   */
  private CompletableFuture<EventPublisher<KioskChange, KioskEvent>> kioskUpdated(
      DataFetchingEnvironment env) {
    String id = KiosksFeature.requireId("id", env.getArgument("id"));
    // Synchronously: this is the socket's event loop, where the publisher must run.
    Context context = Vertx.currentContext();
    Thread loop = Thread.currentThread();
    if (context == null) {
      throw new IllegalStateException("Subscriptions run on a Vert.x event loop");
    }
    var stream =
        new EventPublisher.Stream<KioskChange, KioskEvent>(
            id,
            KioskEvent::of,
            KioskEvent::kioskId,
            (older, newer) -> newer,
            KioskEvent.resync(id));
    var publisher = EventPublisher.held(hub, context, loop, stream, LiveFeature.MAX_QUEUED);
    CompletableFuture<Kiosk> now;
    try {
      now = KiosksFeature.load(env, id);
    } catch (RuntimeException e) {
      publisher.abandon();
      throw e;
    }
    return now.whenComplete(
            (kiosk, error) -> {
              if (error != null || kiosk == null) {
                publisher.abandon();
              }
            })
        .thenApply(
            kiosk -> {
              if (kiosk == null) {
                throw ApiException.notFound("There is no kiosk with the ID \"" + id + "\".");
              }
              loaders.share(env.getDataLoaderRegistry(), RequestContext.of(env).caller(), loop);
              long version = kiosk.version();
              publisher.open(
                  KioskEvent.current(kiosk),
                  e -> e.kiosk() != null && e.kiosk().version() <= version);
              return publisher;
            });
  }
}
