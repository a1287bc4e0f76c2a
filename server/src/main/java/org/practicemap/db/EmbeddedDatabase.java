package org.practicemap.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL 17 started from the binaries on the classpath, so that a machine with only a JDK and
 * Maven runs the real database. It listens on 127.0.0.1 and serves the database {@value #DATABASE}
 * to user {@code postgres} (trust authentication, loopback only), so psql or a second server
 * replica can share it.
 */
final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "practicemap";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
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
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off");
      if (port != 0) {
        builder.setPort(port);
      }
      EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
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

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
