package org.practicemap.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicemap.Config;
import org.practicemap.db.Database;
import org.practicemap.db.Migrations;
import org.practicemap.db.demo.DemoData;

/**
 * One real PostgreSQL for the whole test suite (embedded, fsync off). A template database is
 * migrated and loaded with the demo data once; every test that needs its own data gets a fresh copy
 * of it ({@code CREATE DATABASE … TEMPLATE}), which takes well under a second.
 */
public final class TestPostgres {
  private static final String DEMO_TEMPLATE = "pm_demo_template";
  private static final String EMPTY_TEMPLATE = "pm_empty_template";
  private static final AtomicInteger counter = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestPostgres() {}

  /** A new database with the schema and the demo data; returns its {@code postgresql://} URL. */
  public static synchronized String newDemoDatabase() {
    return copyOf(DEMO_TEMPLATE);
  }

  /** A new database with the schema and no data. */
  public static synchronized String newEmptyDatabase() {
    return copyOf(EMPTY_TEMPLATE);
  }

  /** Drops a database made here, closing any connection still open to it. */
  public static synchronized void drop(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    if (!name.startsWith("pm_test_")) {
      throw new IllegalArgumentException("Not a test database: " + name);
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** A plain JDBC connection to a database made here, for setting up and checking rows. */
  public static Connection jdbc(String url) throws SQLException {
    return DriverManager.getConnection(
        url.replace("postgresql://postgres@", "jdbc:postgresql://") + "?user=postgres");
  }

  /** The URL of the server's maintenance database, for creating and dropping databases. */
  public static String adminUrl() {
    start();
    return url("postgres");
  }

  public static int port() {
    start();
    return postgres.getPort();
  }

  private static String copyOf(String template) {
    start();
    String name = "pm_test_" + counter.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + template);
    return url(name);
  }

  private static void start() {
    if (postgres != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "test-pg-");
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setServerConfig("max_connections", "400")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
      execute("CREATE DATABASE " + EMPTY_TEMPLATE);
      migrate(EMPTY_TEMPLATE);
      execute("CREATE DATABASE " + DEMO_TEMPLATE + " TEMPLATE " + EMPTY_TEMPLATE);
      try (Database db = Database.start(config(DEMO_TEMPLATE))) {
        DemoData.loadIfEmpty(db);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void migrate(String database) {
    try (Database db = Database.start(config(database))) {
      Migrations.apply(db);
    }
  }

  private static Config config(String database) {
    return Config.fromEnv(java.util.Map.of("DATABASE_URL", url(database)));
  }

  private static String url(String database) {
    return "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/" + database;
  }

  private static void execute(String sql) {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
