package org.practicemap;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.activities.ActivityMutations;
import org.practicemap.audit.AuditFeature;
import org.practicemap.auth.AccessFeature;
import org.practicemap.auth.AdminBootstrap;
import org.practicemap.auth.TokenAuthenticator;
import org.practicemap.auth.TokenWatch;
import org.practicemap.bookings.BookingRoutes;
import org.practicemap.bookings.BookingsFeature;
import org.practicemap.bookings.NoShowSweep;
import org.practicemap.cache.ResponseCache;
import org.practicemap.cache.ResponseCacheMetrics;
import org.practicemap.db.Database;
import org.practicemap.db.Migrations;
import org.practicemap.db.Sql;
import org.practicemap.db.demo.DemoData;
import org.practicemap.feeds.FeedRoutes;
import org.practicemap.geo.GeoJsonRoutes;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.graphql.QueryLimits;
import org.practicemap.http.ClientIp;
import org.practicemap.http.HttpRoutes;
import org.practicemap.http.HttpVerticle;
import org.practicemap.http.RateLimiter;
import org.practicemap.http.RequestContexts;
import org.practicemap.http.ws.WsSessions;
import org.practicemap.kiosks.KiosksFeature;
import org.practicemap.live.Live;
import org.practicemap.nearby.NearbyFeature;
import org.practicemap.ops.GraphQLMetrics;
import org.practicemap.ops.Lifecycle;
import org.practicemap.ops.Metrics;
import org.practicemap.persisted.PersistedQueries;
import org.practicemap.persisted.RegisteredQueries;
import org.practicemap.points.PointMutations;
import org.practicemap.points.PointsFeature;
import org.practicemap.routes.RoutePages;
import org.practicemap.routes.RoutesFeature;
import org.practicemap.search.ExpiredDocumentSweep;
import org.practicemap.search.SearchFeature;
import org.practicemap.stats.ReportRoutes;
import org.practicemap.stats.SettleSweep;
import org.practicemap.stats.StatsFeature;
import org.practicemap.themes.MonthlyThemeMutations;
import org.practicemap.themes.ThemesFeature;
import org.practicemap.webhooks.DeliveryWorker;
import org.practicemap.webhooks.WebhookMutations;
import org.practicemap.webhooks.WebhooksFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Practice Map server: its database (embedded or external), the schema migrated, the demo
 * data loaded when asked, and one HTTP verticle per core. Tests start it in-process.
 */
public final class Server implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Server.class);
  private static final int POOL_SIZE = 16;
  private static final int WEBHOOK_POOL_SIZE = 2;
  private static final long NO_SHOW_SWEEP_MS = 60_000;
  private static final long SEARCH_SWEEP_MS = 3_600_000;
  private static final long STATS_SETTLE_MS = 3_600_000;
  private static final long CACHE_SWEEP_MS = 10_000;

  private final Database database;
  private final Vertx vertx;
  private final App app;
  private final Live live;
  private final int port;

  private final String webhookWorker;
  private final List<HttpVerticle> verticles;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private Server(
      Database database,
      Vertx vertx,
      App app,
      Live live,
      List<HttpVerticle> verticles,
      String webhookWorker) {
    this.database = database;
    this.vertx = vertx;
    this.app = app;
    this.live = live;
    this.verticles = verticles;
    this.port = verticles.get(0).actualPort();
    this.webhookWorker = webhookWorker;
  }

  /** Starts everything, blocking until the server listens; fails with the reason. */
  public static Server start(Config config) {
    long started = System.nanoTime();
    Database database = Database.start(config);
    Vertx vertx = null;
    try {
      Migrations.apply(database);
      if (config.demoData()) {
        DemoData.loadIfEmpty(database);
      }
      AdminBootstrap.run(database, config.access(), System.out);
      Metrics metrics = Metrics.create(config.operations().metrics());
      vertx = metrics.vertx();
      Sql sql = new Sql(database.createPool(vertx, POOL_SIZE));
      TokenAuthenticator tokens =
          new TokenAuthenticator(sql, Duration.ofSeconds(config.access().tokenCacheSeconds()));
      ResponseCache responseCache = responseCache(config.operations().responseCache());
      new ResponseCacheMetrics(responseCache).register(metrics.registry());
      vertx.setPeriodic(CACHE_SWEEP_MS, timer -> responseCache.sweep());
      Live live =
          await(
              Live.start(
                  vertx, sql, database.connectOptions("practice-map-listen"), responseCache));
      RegisteredQueries registered =
          RegisteredQueries.load(config.integrations().persistedQueriesDir());
      GraphQLFactory graphQL =
          new GraphQLFactory(features(config, sql, tokens, live, metrics))
              .limit(new QueryLimits(config.limits()))
              .instrument(new GraphQLMetrics(metrics.registry(), registered.operationNames()))
              .documents(persistedQueries(config.integrations(), registered));
      ClientIp clientIp = new ClientIp(config.limits().trustedProxies());
      RateLimiter rateLimiter = new RateLimiter(config.limits().ratePerIpMinute());
      vertx.setPeriodic(60_000, timer -> rateLimiter.sweep());
      RequestContexts contexts = new RequestContexts(tokens, clientIp);
      WsSessions sockets =
          new WsSessions(
              config.ws(),
              tokens::authenticate,
              new TokenWatch(vertx, tokens, config.ws().reauthSeconds() * 1000L));
      Gauge.builder("practicemap.graphql.websockets", sockets, WsSessions::openConnections)
          .description("Open GraphQL WebSockets (graphql-transport-ws) on this replica")
          .register(metrics.registry());
      Gauge.builder("practicemap.live.subscriptions", live, l -> l.activities().size())
          .description("Activity subscriptions this replica feeds from LISTEN/NOTIFY")
          .register(metrics.registry());
      App app =
          new App(
              config,
              sql,
              graphQL.build(),
              graphQL,
              contexts::of,
              routes(config, sql),
              rateLimiter,
              clientIp,
              tokens,
              sockets,
              metrics,
              responseCache,
              new Lifecycle());
      List<HttpVerticle> verticles = deploy(vertx, app, config.port());
      new NoShowSweep(sql).schedule(vertx, NO_SHOW_SWEEP_MS);
      new ExpiredDocumentSweep(sql).schedule(vertx, SEARCH_SWEEP_MS);
      new SettleSweep(sql).schedule(vertx, STATS_SETTLE_MS);
      String webhookWorker = deployWebhookWorker(vertx, database, config.integrations());
      log.info(
          "Practice Map listening on http://localhost:{} (started in {} ms)",
          verticles.get(0).actualPort(),
          (System.nanoTime() - started) / 1_000_000);
      return new Server(database, vertx, app, live, verticles, webhookWorker);
    } catch (RuntimeException e) {
      if (vertx != null) {
        await(vertx.close());
      }
      database.close();
      throw e;
    }
  }

  private static ResponseCache responseCache(Config.ResponseCaching settings) {
    return new ResponseCache(settings.seconds(), settings.megabytes() * 1024L * 1024L);
  }

  private static List<Feature> features(
      Config config, Sql sql, TokenAuthenticator tokens, Live live, Metrics metrics) {
    return List.of(
        new ThemesFeature(sql),
        new PointsFeature(sql),
        new ActivitiesFeature(sql),
        new AccessFeature(sql, tokens),
        new AuditFeature(sql),
        new PointMutations(sql, tokens),
        new ActivityMutations(sql),
        new MonthlyThemeMutations(sql),
        new BookingsFeature(sql, config.bookingLimits(), metrics.registry()),
        live.feature(),
        live.kioskFeature(),
        new KiosksFeature(sql, tokens),
        new NearbyFeature(sql),
        new SearchFeature(sql),
        new RoutesFeature(sql),
        new WebhooksFeature(sql),
        new WebhookMutations(sql),
        new StatsFeature(sql));
  }

  /**
   * One delivery worker per replica, unless this replica is told not to deliver. It has a pool of
   * its own: its claims never wait behind requests, nor requests behind it, and its statements are
   * not counted as the requests'.
   */
  private static String deployWebhookWorker(
      Vertx vertx, Database database, Config.Integrations integrations) {
    if (!integrations.webhookDelivery()) {
      log.info("Webhook delivery is off on this replica (WEBHOOK_DELIVERY=false)");
      return null;
    }
    Sql sql = new Sql(database.createPool(vertx, WEBHOOK_POOL_SIZE, "practice-map-webhooks"));
    return await(vertx.deployVerticle(new DeliveryWorker(sql, integrations)));
  }

  private static PersistedQueries persistedQueries(
      Config.Integrations integrations, RegisteredQueries registered) {
    log.info(
        "Persisted queries: {} mode, {} registered, up to {} more cached",
        integrations.persistedQueries().name().toLowerCase(),
        registered.all().size(),
        integrations.persistedQueryCacheSize());
    return new PersistedQueries(
        integrations.persistedQueries(), registered, integrations.persistedQueryCacheSize());
  }

  private static List<HttpRoutes> routes(Config config, Sql sql) {
    return List.of(
        new BookingRoutes(config, sql),
        new GeoJsonRoutes(sql),
        new FeedRoutes(config, sql),
        new RoutePages(config, sql),
        new ReportRoutes(sql));
  }

  /**
   * One verticle per core, all listening on the same port: Vert.x shares the socket and spreads
   * connections over the event loops. Vert.x shares a socket only between servers asking for the
   * same port, so port 0 is first turned into one free port.
   */
  private static List<HttpVerticle> deploy(Vertx vertx, App app, int requestedPort) {
    int port = requestedPort != 0 ? requestedPort : freePort();
    int instances = Runtime.getRuntime().availableProcessors();
    List<HttpVerticle> verticles = new java.util.concurrent.CopyOnWriteArrayList<>();
    await(
        vertx.deployVerticle(
            () -> {
              HttpVerticle verticle = new HttpVerticle(app, port);
              verticles.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(instances)));
    long ports = verticles.stream().mapToInt(HttpVerticle::actualPort).distinct().count();
    if (ports != 1) {
      throw new IllegalStateException("The HTTP verticles listen on " + ports + " different ports");
    }
    return List.copyOf(verticles);
  }

  private static int freePort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("No free port", e);
    }
  }

  public int port() {
    return port;
  }

  public App app() {
    return app;
  }

  public Live live() {
    return live;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Database database() {
    return database;
  }

  /**
   * Stops gracefully, as on SIGTERM: readiness turns 503 and new WebSockets are refused; the HTTP
   * servers stop accepting, requests in flight (and their transactions) finish within {@code
   * SHUTDOWN_GRACE_SECONDS}, WebSockets close with 1001; the webhook worker gives back its claims;
   * then Vert.x and the embedded PostgreSQL stop. Each step is logged with its duration. Calling it
   * again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    app.lifecycle().startDraining();
    long started = System.nanoTime();
    long graceMs = app.config().operations().shutdownGraceSeconds() * 1000L;
    log.info("Stopping: draining requests for up to {} ms", graceMs);
    try {
      // Both at once: the worker's deliveries in flight finish while requests do.
      Future<?> http = Future.all(verticles.stream().map(v -> v.shutdown(graceMs)).toList());
      Future<?> worker =
          webhookWorker == null ? Future.succeededFuture() : vertx.undeploy(webhookWorker);
      await(Future.join(http, worker));
    } catch (RuntimeException e) {
      log.warn("Requests or webhook deliveries did not finish cleanly: {}", e.toString());
    }
    long drained = System.nanoTime();
    try {
      // Before Vert.x, so that the LISTEN connection does not try to reconnect while it stops.
      await(live.feed().close());
      await(vertx.close());
    } catch (RuntimeException e) {
      log.warn("Vert.x did not close cleanly: {}", e.toString());
    }
    long closed = System.nanoTime();
    database.close();
    log.info(
        "Stopped in {} ms (requests {} ms, Vert.x {} ms, database {} ms)",
        (System.nanoTime() - started) / 1_000_000,
        (drained - started) / 1_000_000,
        (closed - drained) / 1_000_000,
        (System.nanoTime() - closed) / 1_000_000);
  }

  /** Waits for start-up and shut-down steps, which must not hang the process forever. */
  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Timed out after 30 s", e);
    }
  }
}
