package org.practicemap.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandlerOptions;
import org.practicemap.App;
import org.practicemap.graphql.Failures;
import org.practicemap.http.ws.GraphQLWsHandler;
import org.practicemap.ops.MetricsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: routes, static clients and error pages. One instance per event loop. */
public final class HttpVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(HttpVerticle.class);
  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final long REQUEST_TIMEOUT_MS = 30_000;

  private final App app;
  private final int port;
  private HttpServer server;

  public HttpVerticle(App app, int port) {
    this.app = app;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setCompressionSupported(true)
                // Live events are small; a deflate context per socket would cost far more
                // memory (hundreds of KB) than it saves bandwidth.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .addWebSocketSubProtocol(GraphQLWsHandler.PROTOCOL));
    return server.requestHandler(router()).listen(port);
  }

  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Stops accepting connections, lets the requests in flight finish (and the WebSockets close with
   * 1001) for up to {@code graceMs}, then closes what is left.
   */
  public Future<Void> shutdown(long graceMs) {
    return server.shutdown(graceMs, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private Router router() {
    Router router = Router.router(vertx);
    // CORS before everything, so that refusals (429, 413…) reach browser apps on other origins.
    Handler<RoutingContext> cors = CorsPolicy.handler(app.config().cors());
    CorsPolicy.mount(router, cors);
    // Two routes (metrics label a request by the routes it passes: "/graphql" for an upgrade,
    // "/graphql>/graphql" over HTTP), as Vert.x wants the timeout and body handlers before any
    // other on a route. First the rate limit, so that a client over its rate is refused before
    // its body is read; a stopping replica refuses new WebSockets (the client's retry reaches
    // another replica); WebSocket upgrades, which must not meet the body handler or the timeout.
    Route upgrades = router.route("/graphql");
    if (cors != null) {
      upgrades.handler(cors); // every /graphql request passes this route first
    }
    upgrades
        .handler(new RateLimitHandler(app.rateLimiter(), app.clientIp()))
        .handler(this::refuseUpgradeWhileDraining)
        .handler(
            new GraphQLWsHandler(
                app.graphQL(), app.graphQLFactory(), app.sockets(), app.clientIp()));
    router
        .route("/graphql")
        .handler(TimeoutHandler.create(REQUEST_TIMEOUT_MS))
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(
            new GraphQLHttpHandler(
                app.graphQL(), app.graphQLFactory(), app.requestContexts(), app.responseCache()));
    router
        .route("/graphiql*")
        .subRouter(
            GraphiQLHandler.builder(vertx)
                .with(new GraphiQLHandlerOptions().setEnabled(true))
                .build()
                .router());
    HealthHandler health = new HealthHandler(app.sql(), app.lifecycle());
    router.get("/health").handler(health::health);
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    if (app.metrics().enabled()) {
      router
          .get("/metrics")
          .handler(new MetricsHandler(app.metrics(), app.config().operations().metricsToken()));
    }
    router.get("/").handler(rc -> rc.redirect("/kiosk/"));
    router.route("/kiosk/*").handler(StaticHandler.create("kiosk").setMaxAgeSeconds(300));
    app.routes().forEach(routes -> routes.mount(router));
    router.route().last().handler(rc -> sendError(rc, 404, "Nothing here: " + rc.normalizedPath()));
    router.route().failureHandler(HttpVerticle::failure);
    return router;
  }

  private void refuseUpgradeWhileDraining(RoutingContext rc) {
    if (app.lifecycle().draining() && rc.request().canUpgradeToWebSocket()) {
      rc.response()
          .setStatusCode(503)
          .putHeader(HttpHeaders.RETRY_AFTER, "1")
          .putHeader(HttpHeaders.CONNECTION, "close")
          .end();
      return;
    }
    rc.next();
  }

  /** Every failure gets a JSON body; a 5xx is logged, and its details never reach the client. */
  private static void failure(RoutingContext rc) {
    if (rc.response().ended()) {
      return;
    }
    Throwable failure = rc.failure();
    if (failure instanceof HttpError error) {
      error.send(rc.response());
      return;
    }
    int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
    if (status >= 500) {
      log.error(
          "{} {} failed with {}: {}",
          rc.request().method(),
          rc.normalizedPath(),
          status,
          failure == null ? "no exception" : Failures.describe(failure));
    }
    sendError(rc, status, message(status));
  }

  private static String message(int status) {
    return switch (status) {
      case 400 -> "The request is malformed.";
      // only the CORS handler refuses with 403: an origin that CORS_ORIGINS does not list
      case 403 -> "This web page's origin may not call this server (see CORS_ORIGINS).";
      case 404 -> "Nothing here.";
      case 405 -> "This method is not allowed here.";
      case 413 -> "The request body is too large (at most 1 MB).";
      case 429 -> "Too many requests; please slow down.";
      case 503 -> "The server took too long to answer; please try again.";
      default -> status < 500 ? "The request was refused." : "Something went wrong on our side.";
    };
  }

  private static void sendError(RoutingContext rc, int status, String message) {
    HttpError.send(rc.response(), status, HttpError.codeFor(status), message);
  }
}
