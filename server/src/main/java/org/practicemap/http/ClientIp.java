package org.practicemap.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The address of the client a request comes from. The TCP peer, unless that peer is one of our own
 * proxies ({@code TRUSTED_PROXIES}): then the last address in X-Forwarded-For that is not a trusted
 * proxy. Anyone can write an X-Forwarded-For header, so it is believed only from a proxy we run,
 * and read from the right, where our proxies appended what they saw.
 */
public final class ClientIp {
  private final List<IpRange> trusted;

  public ClientIp(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().map(IpRange::parse).toList();
  }

  public String of(RoutingContext rc) {
    String peer = rc.request().remoteAddress().hostAddress();
    return resolve(peer, rc.request().getHeader("X-Forwarded-For"));
  }

  String resolve(String peer, String forwardedFor) {
    if (forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (IpRange.literal(hop) == null) {
        // Garbage in the chain: everything left of it is unverifiable, so stop at the last good
        // hop.
        return i == hops.length - 1 ? peer : hops[i + 1].trim();
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].trim();
  }

  private boolean isTrusted(String address) {
    for (IpRange range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
