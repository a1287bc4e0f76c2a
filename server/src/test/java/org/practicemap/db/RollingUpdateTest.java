package org.practicemap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * A replica of the previous release must still start on a database that a newer replica has already
 * migrated (a rolling update restarts old replicas too): migrations it does not know — later ones,
 * and ones numbered below its own latest — are accepted, not refused.
 */
class RollingUpdateTest {

  @Test
  void aServerStartsOnADatabaseMigratedByANewerRelease() throws Exception {
    String url = TestPostgres.newEmptyDatabase();
    try (Connection c = TestPostgres.jdbc(url)) {
      for (String version : new String[] {"9.99", "999.1"}) {
        c.createStatement()
            .execute(
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success)"
                    + " SELECT max(installed_rank) + 1, '"
                    + version
                    + "', 'from a newer release', 'SQL', 'V"
                    + version.replace('.', '_')
                    + "__from_a_newer_release.sql', 1, 'test', 1, true FROM flyway_schema_history");
      }
    }
    try (TestServer server = TestServer.start(url, Map.of())) {
      assertEquals(200, server.get("/health/ready").statusCode());
    } finally {
      TestPostgres.drop(url);
    }
  }
}
