package org.practicemap.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps checking the token a long-lived connection was opened with, and closes the connection with
 * {@value #CLOSE_CODE} once the token is revoked or expired: a WebSocket opened with a token must
 * not outlive it. The WebSocket layer calls {@link #watch} after {@code connection_init} succeeds.
 * With the authenticator's cache, a revocation closes the socket within {@code period} plus the
 * cache time (15 s + 30 s by default, under a minute). A failed check that is not the token's fault
 * (database unreachable) leaves the socket open.
 */
public final class TokenWatch {
  /** The close code: 4403 Forbidden, next to graphql-transport-ws's 4401 Unauthorized. */
  public static final short CLOSE_CODE = 4403;

  public static final long DEFAULT_PERIOD_MS = 30_000;

  private static final Logger log = LoggerFactory.getLogger(TokenWatch.class);

  private final Vertx vertx;
  private final TokenAuthenticator tokens;
  private final long periodMs;

  public TokenWatch(Vertx vertx, TokenAuthenticator tokens, long periodMs) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.periodMs = periodMs;
  }

  /** Watches {@code socket} until it closes; a null or blank token (a public caller) is not. */
  public void watch(ServerWebSocket socket, String token) {
    if (token == null || token.isBlank()) {
      return;
    }
    vertx.setPeriodic(
        periodMs,
        timer -> {
          if (socket.isClosed()) {
            vertx.cancelTimer(timer);
            return;
          }
          tokens
              .revalidate(token)
              .onFailure(
                  e -> {
                    if (e instanceof ApiException api && api.code() == ErrorCode.UNAUTHENTICATED) {
                      vertx.cancelTimer(timer);
                      log.info("Closing a WebSocket whose token was revoked or expired");
                      socket.close(CLOSE_CODE, "Token revoked or expired");
                    }
                  });
        });
  }
}
