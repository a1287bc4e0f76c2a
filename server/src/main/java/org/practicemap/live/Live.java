package org.practicemap.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import org.practicemap.activities.ActivityRepository;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Feature;
import org.practicemap.kiosks.KioskRepository;

/**
 * Live updates, assembled: the change feed (LISTEN), what turns its events into subscription events
 * per table, the hub that fans them out, and the GraphQL feature.
 */
public final class Live {
  private final ChangeFeed feed;
  private final SharedLoaders loaders;
  private final LiveHub<ActivityChange> activities;
  private final LiveHub<KioskChange> kiosks;

  private Live(
      ChangeFeed feed,
      SharedLoaders loaders,
      LiveHub<ActivityChange> activities,
      LiveHub<KioskChange> kiosks) {
    this.feed = feed;
    this.loaders = loaders;
    this.activities = activities;
    this.kiosks = kiosks;
  }

  /**
   * Completes once this replica LISTENs, so that no change made after start-up is missed; tells
   * {@code places} where activities, points and mobile deployments changed (or that changes may
   * have been missed).
   */
  public static Future<Live> start(
      Vertx vertx, Sql sql, PgConnectOptions options, PlaceWatcher places) {
    SharedLoaders loaders = new SharedLoaders();
    LiveHub<ActivityChange> activities = new LiveHub<>(ActivityChange::id, loaders);
    LiveRepository spots = new LiveRepository(sql);
    ActivityChanges activityChanges =
        new ActivityChanges(new ActivityRepository(sql), spots, activities, places);
    PlaceChanges placeChanges = new PlaceChanges(spots, places);
    LiveHub<KioskChange> kiosks = new LiveHub<>(KioskChange::id, loaders);
    KioskChanges kioskChanges = new KioskChanges(new KioskRepository(sql), kiosks);
    return ChangeFeed.start(vertx, options)
        .map(
            feed -> {
              feed.onChanges("activity", activityChanges::accept).onResync(activities::resync);
              feed.onChanges("kiosk", kioskChanges::accept).onResync(kiosks::resync);
              feed.onChanges("point", placeChanges::points)
                  .onChanges("deployment", placeChanges::deployments)
                  // theme boards and the month's theme show everywhere: no place to locate
                  .onChanges("theme", changes -> places.lost())
                  .onResync(places::lost);
              return new Live(feed, loaders, activities, kiosks);
            });
  }

  public LiveFeature feature() {
    return new LiveFeature(activities, loaders);
  }

  /** The {@code kioskUpdated} subscription. */
  public Feature kioskFeature() {
    return new KioskSubscriptions(kiosks, loaders);
  }

  /** The subscriptions to kiosks on this replica. */
  public LiveHub<?> kiosks() {
    return kiosks;
  }

  /** The subscriptions to activities on this replica. */
  public LiveHub<ActivityChange> activities() {
    return activities;
  }

  public ChangeFeed feed() {
    return feed;
  }
}
