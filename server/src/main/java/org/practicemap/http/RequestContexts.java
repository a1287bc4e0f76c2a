package org.practicemap.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.practicemap.auth.TokenAuthenticator;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.RequestContext;

/** Builds the {@link RequestContext} of an HTTP request: the caller from its bearer token. */
public final class RequestContexts {
  private final TokenAuthenticator tokens;
  private final ClientIp clientIp;

  /** Without trusted proxies: the client is the TCP peer. */
  public RequestContexts(TokenAuthenticator tokens) {
    this(tokens, new ClientIp(java.util.List.of()));
  }

  public RequestContexts(TokenAuthenticator tokens, ClientIp clientIp) {
    this.tokens = tokens;
    this.clientIp = clientIp;
  }

  /** Fails with a 401 {@link HttpError} for a token that is not (or no longer) valid. */
  public Future<RequestContext> of(RoutingContext rc) {
    String token = TokenAuthenticator.bearer(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
    return tokens
        .authenticate(token)
        .map(caller -> new RequestContext(caller, clientIp.of(rc)))
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof ApiException api && api.code() == ErrorCode.UNAUTHENTICATED
                        ? new HttpError(401, ErrorCode.UNAUTHENTICATED, api.getMessage())
                        : e));
  }
}
