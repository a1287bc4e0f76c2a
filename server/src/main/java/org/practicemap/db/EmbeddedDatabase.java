package org.practicemap.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PostgreSQL 17 started from the binaries on the classpath, so that a machine with only a JDK and
 * Maven runs the real database. It listens on 127.0.0.1 and serves the database {@value #DATABASE}
 * to user {@code postgres} (trust authentication, loopback only), so psql or a second server
 * replica can share it.
 */
final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "practicemap";

  /**
   * How long the shutdown hook lets the server drain before stopping PostgreSQL under it anyway
   * (when the server is still starting, or its own stop hangs). Within the 10 s before SIGKILL.
   */
  static final long DRAIN_WAIT_MS = 9_000;

  private final EmbeddedPostgres postgres;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * The library's own shutdown hook would stop PostgreSQL at once on SIGTERM, in parallel with the
   * server's graceful stop, failing the transactions in flight (57P01). This one lets the server
   * finish first: it waits for {@link #close} (which the server's stop calls last), then stops
   * PostgreSQL itself if nobody did.
   */
  private void registerShutdownHook() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    closed.await(DRAIN_WAIT_MS, TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  close();
                },
                "embedded-postgres-stop"));
  }

  /**
   * Starts PostgreSQL with its files in {@code dataDir} (created on first use, kept across
   * restarts). {@code durable} turns fsync and synchronous commit back on: the library turns them
   * off, which suits throw-away test databases only.
   */
  static EmbeddedDatabase start(Path dataDir, int port, boolean durable) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off");
      if (port != 0) {
        builder.setPort(port);
      }
      EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
      db.registerShutdownHook();
      db.createDatabaseIfMissing();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  int port() {
    return postgres.getPort();
  }

  String url() {
    return "postgresql://postgres@127.0.0.1:" + port() + "/" + DATABASE;
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      if (!exists.executeQuery().next()) {
        c.createStatement().execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + DATABASE, e);
    }
  }

  /** Stops PostgreSQL (a fast shutdown: sessions still open are ended); once, whoever calls. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      closed.countDown();
    }
  }
}
