package org.practicemap.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import org.practicemap.activities.ActivityRepository;
import org.practicemap.db.Sql;

/**
 * Live updates, assembled: the change feed (LISTEN), what turns its events into subscription events
 * per table, the hub that fans them out, and the GraphQL feature.
 */
public final class Live {
  private final ChangeFeed feed;
  private final LiveHub hub;

  private Live(ChangeFeed feed, LiveHub hub) {
    this.feed = feed;
    this.hub = hub;
  }

  /** Completes once this replica LISTENs, so that no change made after start-up is missed. */
  public static Future<Live> start(Vertx vertx, Sql sql, PgConnectOptions options) {
    LiveHub hub = new LiveHub();
    ActivityChanges activities =
        new ActivityChanges(new ActivityRepository(sql), new LiveRepository(sql), hub);
    return ChangeFeed.start(vertx, options)
        .map(
            feed -> {
              feed.onChanges("activity", activities::accept).onResync(hub::resync);
              return new Live(feed, hub);
            });
  }

  public LiveFeature feature() {
    return new LiveFeature(hub);
  }

  public LiveHub hub() {
    return hub;
  }

  public ChangeFeed feed() {
    return feed;
  }
}
