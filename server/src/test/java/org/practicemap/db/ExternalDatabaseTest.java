package org.practicemap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * With DATABASE_URL the server uses that PostgreSQL (here: a second, separately started instance)
 * and starts nothing of its own; it migrates it and reports its health.
 */
class ExternalDatabaseTest {

  @Test
  void usesTheGivenDatabaseAndStartsNoEmbeddedOne(@TempDir Path dataDir) throws Exception {
    String url = TestPostgres.newEmptyDatabase();
    try (TestServer server = TestServer.start(url, Map.of("DATA_DIR", dataDir.toString()))) {
      assertEquals(200, server.get("/health").statusCode());
      assertFalse(Files.exists(dataDir.resolve("pg")), "no embedded PostgreSQL was started");
      try (Connection c = TestPostgres.jdbc(url)) {
        var rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success");
        rs.next();
        assertEquals(true, rs.getInt(1) >= 1);
      }
    }
  }

  @Test
  void healthIs503WhileTheDatabaseIsUnreachable() throws Exception {
    String url = TestPostgres.newEmptyDatabase();
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (TestServer server = TestServer.start(url, Map.of());
        Connection admin = TestPostgres.jdbc(url.replace("/" + database, "/postgres"))) {
      admin.createStatement().execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
      admin
          .createStatement()
          .execute(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                  + database
                  + "'");
      var down = server.send(HttpRequest.newBuilder(URI.create(server.url("/health"))).GET());
      assertEquals(503, down.statusCode());
      assertEquals("{\"status\":\"DOWN\",\"database\":\"DOWN\"}", down.body());
      admin.createStatement().execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      assertEquals(200, server.get("/health").statusCode());
    }
  }
}
