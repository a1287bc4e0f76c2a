package org.practicemap.ops;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this replica is stopping. Once draining, {@code /health/ready} answers 503 (so a load
 * balancer routes new work elsewhere) and new GraphQL WebSockets are refused, while the requests
 * already in flight finish.
 */
public final class Lifecycle {
  private final AtomicBoolean draining = new AtomicBoolean();

  public void startDraining() {
    draining.set(true);
  }

  public boolean draining() {
    return draining.get();
  }
}
