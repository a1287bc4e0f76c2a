package org.practicemap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicemap.Config;
import org.practicemap.db.Database;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * A new installation can be administered: a first ADMIN token, printed once, or a configured one.
 */
class AdminBootstrapTest {

  @Test
  void theFirstStartOfAnEmptyDatabasePrintsOneAdminTokenOnce() {
    String url = TestPostgres.newEmptyDatabase();
    Config config = Config.fromEnv(Map.of("DATABASE_URL", url));
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    String token;
    try (Database db = Database.start(config)) {
      token =
          AdminBootstrap.run(
              db, config.access(), new PrintStream(first, true, StandardCharsets.UTF_8));
      assertNull(
          AdminBootstrap.run(
              db, config.access(), new PrintStream(second, true, StandardCharsets.UTF_8)));
    }
    assertNotNull(token);
    assertTrue(first.toString(StandardCharsets.UTF_8).contains(token));
    assertEquals("", second.toString(StandardCharsets.UTF_8));
    try (TestServer server = TestServer.start(url, Map.of("DEMO_DATA", "false"));
        TestData data = new TestData(url)) {
      assertEquals(
          "ADMIN",
          server
              .data("{ viewer { role } }", Map.of(), token)
              .getJsonObject("viewer")
              .getString("role"));
      assertEquals(1, data.queryLong("SELECT count(*) FROM api_token"));
      assertEquals(
          0,
          data.queryLong("SELECT count(*) FROM api_token WHERE label LIKE ?", "%" + token + "%"));
    }
  }

  @Test
  void aConfiguredAdminTokenIsStoredHashedAndWorks() {
    String token = "configured-admin-token-0123456789-abcdef";
    String url = TestPostgres.newEmptyDatabase();
    try (TestServer server =
            TestServer.start(url, Map.of("ADMIN_TOKEN", token, "DEMO_DATA", "false"));
        TestData data = new TestData(url)) {
      assertEquals(
          "ADMIN",
          server
              .data("{ viewer { role } }", Map.of(), token)
              .getJsonObject("viewer")
              .getString("role"));
      assertEquals(
          1,
          data.queryLong(
              "SELECT count(*) FROM api_token WHERE token_hash = ?", Tokens.hash(token)));
      data.update("UPDATE api_token SET revoked_at = now()");
    }
    try (TestServer restarted =
        TestServer.start(url, Map.of("ADMIN_TOKEN", token, "DEMO_DATA", "false"))) {
      assertEquals(401, restarted.post("{ viewer { role } }", Map.of(), token).statusCode());
    }
  }
}
