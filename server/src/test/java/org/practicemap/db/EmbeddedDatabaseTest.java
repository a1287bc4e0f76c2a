package org.practicemap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicemap.Config;
import org.practicemap.Server;

/** Without DATABASE_URL the server runs its own PostgreSQL, durable and kept in DATA_DIR. */
class EmbeddedDatabaseTest {

  @Test
  void dataSurvivesARestartOnTheSameDataDir(@TempDir Path dataDir) throws Exception {
    Config config =
        Config.fromEnv(
            Map.of(
                "PORT", "0",
                "DATA_DIR", dataDir.toString(),
                "EMBEDDED_PG_PORT", "0",
                "DEMO_DATA", "false"));
    try (Server first = Server.start(config);
        Connection c = first.database().openJdbc()) {
      c.createStatement()
          .execute(
              "INSERT INTO theme (code, sort_order, name_zh, color, icon)"
                  + " VALUES ('KEPT', 1, '保留', '#000000', 'flag')");
      assertEquals("on", show(c, "fsync"));
      assertEquals("on", show(c, "synchronous_commit"));
      assertEquals("127.0.0.1", show(c, "listen_addresses"));
      assertEquals("practicemap", c.getCatalog());
      assertTrue(first.database().describe().startsWith("postgresql://127.0.0.1:"));
    }
    assertTrue(Files.exists(dataDir.resolve("pg/PG_VERSION")));
    assertEquals("17", Files.readString(dataDir.resolve("pg/PG_VERSION")).trim());
    try (Server second = Server.start(config);
        Connection c = second.database().openJdbc()) {
      var rs = c.createStatement().executeQuery("SELECT name_zh FROM theme WHERE code = 'KEPT'");
      assertTrue(rs.next(), "the row written before the restart is still there");
      assertEquals("保留", rs.getString(1));
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    var rs = c.createStatement().executeQuery("SHOW " + setting);
    rs.next();
    return rs.getString(1);
  }
}
