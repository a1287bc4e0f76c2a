package org.practicemap.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgChannel;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's end of the change events: ONE PostgreSQL connection that LISTENs on {@value
 * #CHANNEL}, whatever the number of subscribers. Every replica has its own, so every replica sees
 * every committed change, wherever it was made.
 *
 * <p>Notifications that arrive together (one network read) are handed on as one batch per table, so
 * that the listeners load rows many ids at a time. When the connection drops (PostgreSQL restarted,
 * the backend was terminated, the network failed) it reconnects by itself, forever, with a growing
 * pause; notifications sent meanwhile are lost, so once LISTEN is back every resync listener is
 * told, and subscribers refetch.
 */
public final class ChangeFeed {
  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
  public static final String CHANNEL = "pm_change";

  /** The LISTEN connection's {@code application_name}: operators (and tests) can find it. */
  public static final String APPLICATION_NAME = "practice-map-listen";

  private static final long LIVENESS_CHECK_MS = 30_000;

  private final Vertx vertx;
  private final PgSubscriber subscriber;
  private final Map<String, List<Consumer<List<Change>>>> listeners = new LinkedHashMap<>();
  private final List<Runnable> resyncListeners = new CopyOnWriteArrayList<>();
  private Context context;
  private List<Change> pending = new ArrayList<>();
  private boolean listening;

  private ChangeFeed(Vertx vertx, PgConnectOptions options) {
    this.vertx = vertx;
    PgConnectOptions listen = new PgConnectOptions(options);
    listen.addProperty("application_name", APPLICATION_NAME);
    this.subscriber =
        PgSubscriber.subscriber(vertx, listen)
            .reconnectPolicy(attempt -> Math.min(5_000L, 100L << Math.min(attempt, 6)));
  }

  /**
   * Connects and LISTENs; the future completes once notifications flow. Register listeners before
   * changes matter: those that come earlier are dropped.
   */
  public static Future<ChangeFeed> start(Vertx vertx, PgConnectOptions options) {
    ChangeFeed feed = new ChangeFeed(vertx, options);
    Promise<ChangeFeed> started = Promise.promise();
    vertx.runOnContext(
        v -> {
          feed.context = vertx.getOrCreateContext();
          PgChannel channel = feed.subscriber.channel(CHANNEL);
          channel.subscribeHandler(x -> feed.listenStarted(started));
          channel.handler(feed::received);
          feed.subscriber.connect().onFailure(started::tryFail);
          feed.vertx.setPeriodic(LIVENESS_CHECK_MS, id -> feed.checkLiveness());
        });
    return started.future();
  }

  /** Calls {@code listener} with the changes of {@code table}, a batch at a time, in order. */
  public synchronized ChangeFeed onChanges(String table, Consumer<List<Change>> listener) {
    listeners.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(listener);
    return this;
  }

  /** Calls {@code listener} whenever events may have been missed. */
  public ChangeFeed onResync(Runnable listener) {
    resyncListeners.add(listener);
    return this;
  }

  public Future<Void> close() {
    return subscriber.close();
  }

  private void listenStarted(Promise<ChangeFeed> started) {
    if (!listening) {
      listening = true;
      started.tryComplete(this);
      return;
    }
    log.warn("LISTEN {} restored after the connection dropped; subscribers will resync", CHANNEL);
    resyncListeners.forEach(Runnable::run);
  }

  private void received(String payload) {
    Change change = Change.parse(payload);
    if (change == null) {
      log.warn("Ignored a notification on {} that is not a change event", CHANNEL);
      return;
    }
    boolean first = pending.isEmpty();
    pending.add(change);
    if (first) {
      // Everything that arrives before this runs (one network read) travels as one batch.
      context.runOnContext(v -> flush());
    }
  }

  private void flush() {
    List<Change> batch = pending;
    pending = new ArrayList<>();
    Map<String, List<Change>> byTable = new LinkedHashMap<>();
    batch.forEach(c -> byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
    byTable.forEach(
        (table, changes) -> {
          List<Consumer<List<Change>>> forTable;
          synchronized (this) {
            forTable = listeners.getOrDefault(table, List.of());
          }
          forTable.forEach(listener -> listener.accept(changes));
        });
  }

  /**
   * A connection that died without a word (a cut network, a suspended VM) would keep LISTENing to
   * nothing: a small query with a deadline finds out, and closing it makes the subscriber
   * reconnect.
   */
  private void checkLiveness() {
    PgConnection conn = subscriber.actualConnection();
    if (conn == null) {
      return;
    }
    conn.query("SELECT 1")
        .execute()
        .timeout(10, TimeUnit.SECONDS)
        .onFailure(
            e -> {
              log.warn("The LISTEN connection did not answer ({}); reconnecting", e.toString());
              conn.close();
            });
  }
}
