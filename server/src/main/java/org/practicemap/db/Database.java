package org.practicemap.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.practicemap.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the PostgreSQL is: the one named by {@code DATABASE_URL}, or an embedded one started here.
 * Blocking work (start, JDBC for migrations and demo data) happens only at start-up.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final PgConnectOptions options;
  private final EmbeddedDatabase embedded;

  private Database(PgConnectOptions options, EmbeddedDatabase embedded) {
    this.options = options;
    this.embedded = embedded;
  }

  public static Database start(Config config) {
    if (config.databaseUrl().isPresent()) {
      PgConnectOptions options = PgConnectOptions.fromUri(config.databaseUrl().get());
      log.info(
          "Using PostgreSQL at {}:{}/{}",
          options.getHost(),
          options.getPort(),
          options.getDatabase());
      return new Database(options, null);
    }
    EmbeddedDatabase embedded =
        EmbeddedDatabase.start(config.dataDir().resolve("pg"), config.embeddedPgPort(), true);
    log.info("Embedded PostgreSQL ready at {}", embedded.url());
    return new Database(PgConnectOptions.fromUri(embedded.url()), embedded);
  }

  /**
   * The database for a command-line tool: {@code DATABASE_URL}; else the embedded PostgreSQL of a
   * running server (which holds the data directory's lock), reached on 127.0.0.1 at the port its
   * {@code postmaster.pid} names (so a server started with {@code EMBEDDED_PG_PORT=0} is found too)
   * or at {@code EMBEDDED_PG_PORT}; else an embedded PostgreSQL started here, as the server would.
   */
  public static Database forTool(Config config) {
    if (config.databaseUrl().isEmpty()) {
      for (int port : runningPorts(config)) {
        String url = "postgresql://postgres@127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE;
        Database running = new Database(PgConnectOptions.fromUri(url), null);
        if (running.answers()) {
          log.info("Using the running server's PostgreSQL at {}", running.describe());
          return running;
        }
      }
    }
    return start(config);
  }

  /**
   * Where a running server's embedded PostgreSQL may listen: the port on the fourth line of the
   * {@code postmaster.pid} PostgreSQL keeps in its data directory while it runs, then {@code
   * EMBEDDED_PG_PORT}.
   */
  private static Set<Integer> runningPorts(Config config) {
    Set<Integer> ports = new LinkedHashSet<>();
    Path pidFile = config.dataDir().resolve("pg").resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.size() >= 4) {
        ports.add(Integer.parseInt(lines.get(3).trim()));
      }
    } catch (IOException | NumberFormatException e) {
      // No PostgreSQL runs in this data directory (or it is still starting).
    }
    if (config.embeddedPgPort() != 0) {
      ports.add(config.embeddedPgPort());
    }
    return ports;
  }

  private boolean answers() {
    Properties props = new Properties();
    props.setProperty("user", options.getUser());
    props.setProperty("connectTimeout", "3");
    try (Connection c = DriverManager.getConnection(jdbcUrl(), props)) {
      return c.isValid(3);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Connection options for the reactive client, with prepared statements cached per connection. */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(options)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512)
        .setPipeliningLimit(256);
  }

  /** The same, with statements counted under a name of their own in the metrics. */
  public PgConnectOptions connectOptions(String metricsName) {
    PgConnectOptions named = connectOptions();
    named.setMetricsName(metricsName);
    return named;
  }

  public Pool createPool(Vertx vertx, int maxSize) {
    return createPool(vertx, maxSize, "practice-map");
  }

  /**
   * A pool with a name of its own: metrics label its pool meters by name ({@code pool_name}) and
   * its statements' meters by the same name ({@code namespace}). Without the second, the webhook
   * worker's pool registered the same unlabelled {@code vertx_sql_*} meters as the request pool,
   * Micrometer ignored them with a warning, and the request pool's figures were all there was.
   */
  public Pool createPool(Vertx vertx, int maxSize, String name) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(maxSize).setName(name))
        .connectingTo(connectOptions(name))
        .using(vertx)
        .build();
  }

  /** A plain JDBC connection, for start-up work only (migrations, demo data). */
  public Connection openJdbc() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", options.getUser());
    if (options.getPassword() != null) {
      props.setProperty("password", options.getPassword());
    }
    if (options.getSslMode() != null) {
      props.setProperty("sslmode", options.getSslMode().value);
    }
    return DriverManager.getConnection(jdbcUrl(), props);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://"
        + options.getHost()
        + ":"
        + options.getPort()
        + "/"
        + options.getDatabase();
  }

  /** The URL other processes (psql, a second replica) can use; without the password. */
  public String describe() {
    return "postgresql://"
        + options.getHost()
        + ":"
        + options.getPort()
        + "/"
        + options.getDatabase();
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
