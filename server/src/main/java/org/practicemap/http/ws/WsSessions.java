package org.practicemap.http.ws;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.practicemap.auth.Caller;
import org.practicemap.auth.TokenWatch;

/**
 * What the GraphQL WebSocket endpoints of all event loops share: the limits, the count of open
 * sockets per client address, and how a token becomes a {@link Caller}.
 */
public final class WsSessions {
  private final WsOptions options;
  private final Function<String, Future<Caller>> authenticate;
  private final TokenWatch watch;
  private final Map<String, Integer> perIp = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();

  /**
   * @param authenticate resolves a bearer token (null: none) to a caller, failing with an {@code
   *     UNAUTHENTICATED} {@code ApiException} for an unknown, expired or revoked one
   * @param watch closes a socket (4403) once the token it was opened with stops working
   */
  public WsSessions(
      WsOptions options, Function<String, Future<Caller>> authenticate, TokenWatch watch) {
    this.options = options;
    this.authenticate = authenticate;
    this.watch = watch;
  }

  public WsOptions options() {
    return options;
  }

  Future<Caller> authenticate(String token) {
    return authenticate.apply(token);
  }

  TokenWatch watch() {
    return watch;
  }

  /** Counts a new socket from {@code ip}; false when that address holds its maximum already. */
  boolean tryOpen(String ip) {
    int max = options.maxConnectionsPerIp();
    boolean[] admitted = {false};
    perIp.compute(
        ip,
        (k, n) -> {
          int count = n == null ? 0 : n;
          if (max > 0 && count >= max) {
            return n;
          }
          admitted[0] = true;
          return count + 1;
        });
    if (admitted[0]) {
      open.incrementAndGet();
    }
    return admitted[0];
  }

  void closed(String ip) {
    perIp.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
    open.decrementAndGet();
  }

  /** Open GraphQL WebSockets on this replica. */
  public int openConnections() {
    return open.get();
  }
}
