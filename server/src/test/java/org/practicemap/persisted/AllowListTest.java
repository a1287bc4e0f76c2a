package org.practicemap.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicemap.persisted.Apq.byHash;
import static org.practicemap.persisted.Apq.json;
import static org.practicemap.persisted.Apq.withText;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * PERSISTED_QUERIES=allowlist: callers without a token run only the registered queries (the web
 * clients' files and PERSISTED_QUERIES_DIR); callers with a token run anything.
 */
class AllowListTest {
  static final String INTEGRATOR_QUERY = "query ThemeCodes {\n  themes { code }\n}\n";
  static TestServer server;
  static String adminToken;

  @BeforeAll
  static void start() throws IOException {
    Path dir = Files.createTempDirectory(Path.of("target"), "registered-");
    Files.createDirectories(dir.resolve("city-app"));
    Files.writeString(dir.resolve("city-app/theme-codes.graphql"), INTEGRATOR_QUERY);
    String url = TestPostgres.newEmptyDatabase();
    try (TestData data = new TestData(url)) {
      data.theme("A_THEME", 1);
      adminToken = data.token("ADMIN", null);
    }
    server =
        TestServer.start(
            url, Map.of("PERSISTED_QUERIES", "allowlist", "PERSISTED_QUERIES_DIR", dir.toString()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void publicCallerRunsARegisteredClientQueryByHash() {
    String query = Apq.clientQuery("queries/network-counts.graphql");
    JsonObject response = json(byHash(server, Sha256.hex(query), null));
    assertNull(response.getJsonArray("errors"), response.encode());
  }

  @Test
  void publicCallerRunsARegisteredQueryFromTheDirectoryByHashOrByText() {
    JsonObject byHash = json(byHash(server, Sha256.hex(INTEGRATOR_QUERY), null));
    assertEquals(
        "A_THEME",
        byHash.getJsonObject("data").getJsonArray("themes").getJsonObject(0).getString("code"));
    JsonObject byText = server.graphql(INTEGRATOR_QUERY);
    assertNull(byText.getJsonArray("errors"), byText.encode());
  }

  @Test
  void publicCallerCannotRunOrRegisterAnythingElse() {
    String query = "{ themes { code } }";
    JsonObject plain = server.graphql(query);
    JsonObject error = Errors.single(plain, "PERSISTED_QUERY_NOT_IN_LIST");
    assertTrue(error.getString("message").contains("registered"), error.encode());
    assertNull(plain.getValue("data"));
    Errors.single(json(withText(server, query, null)), "PERSISTED_QUERY_NOT_IN_LIST");
    Errors.single(json(byHash(server, Sha256.hex(query), null)), "PERSISTED_QUERY_NOT_IN_LIST");
  }

  @Test
  void callerWithATokenRunsAnyQuery() {
    JsonObject data = server.data("{ viewer { role } themes { code } }", Map.of(), adminToken);
    assertEquals("ADMIN", data.getJsonObject("viewer").getString("role"));
    JsonObject registered = json(withText(server, "{ themes { name } } # admin's own", adminToken));
    assertNull(registered.getJsonArray("errors"), registered.encode());
  }
}
