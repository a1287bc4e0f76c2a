package org.practicemap;

import graphql.GraphQL;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.practicemap.auth.TokenAuthenticator;
import org.practicemap.cache.ResponseCache;
import org.practicemap.db.Sql;
import org.practicemap.graphql.GraphQLFactory;
import org.practicemap.graphql.RequestContext;
import org.practicemap.http.ClientIp;
import org.practicemap.http.HttpRoutes;
import org.practicemap.http.RateLimiter;
import org.practicemap.http.ws.WsSessions;
import org.practicemap.ops.Lifecycle;
import org.practicemap.ops.Metrics;

/**
 * What the HTTP verticles share: the database door, the GraphQL engine, the routes, the abuse
 * limits, the token authenticator and the state of the GraphQL WebSockets (which check {@code
 * connection_init} tokens with the authenticator, and keep checking them with {@link
 * org.practicemap.auth.TokenWatch}), the meters, the cache of nearby answers and whether the
 * replica is stopping.
 */
public record App(
    Config config,
    Sql sql,
    GraphQL graphQL,
    GraphQLFactory graphQLFactory,
    Function<RoutingContext, Future<RequestContext>> requestContexts,
    List<HttpRoutes> routes,
    RateLimiter rateLimiter,
    ClientIp clientIp,
    TokenAuthenticator tokenAuthenticator,
    WsSessions sockets,
    Metrics metrics,
    ResponseCache responseCache,
    Lifecycle lifecycle) {}
