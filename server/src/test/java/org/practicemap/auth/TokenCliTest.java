package org.practicemap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** {@code token create|list|revoke} on the command line, against a real database. */
class TokenCliTest {
  static TestServer server;
  static TestData data;
  static Network net;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  record Run(int status, String out, String err) {}

  static Run cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        TokenCli.run(
            List.of(args),
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run cli(String... args) {
    return cli(Map.of("DATABASE_URL", server.databaseUrl()), args);
  }

  @Test
  void createPrintsOnlyTheTokenOnStandardOutputAndTheTokenWorks() {
    Run run =
        cli(
            "create",
            "--role",
            "MANAGER",
            "--point",
            Ids.point(net.north()),
            "--days",
            "30",
            "--label",
            "北街道");
    assertEquals(0, run.status(), run.err());
    String token = run.out().strip();
    assertTrue(token.matches("pm_[A-Za-z0-9_-]{43}"), run.out());
    assertTrue(run.err().contains("MANAGER of point " + net.north()), run.err());
    assertEquals(
        "MANAGER",
        server
            .data("{ viewer { role } }", Map.of(), token)
            .getJsonObject("viewer")
            .getString("role"));
    assertTrue(
        data.queryString(
                "SELECT actor FROM audit_log WHERE action = 'createApiToken' ORDER BY id DESC LIMIT 1")
            .startsWith("cli:"));
  }

  @Test
  void aKioskTokenNeedsARegisteredKiosk() {
    Run refused = cli("create", "--role", "KIOSK", "--kiosk", "hall-9");
    assertEquals(2, refused.status(), refused.err());
    assertTrue(refused.err().contains("There is no kiosk with the ID \"hall-9\""), refused.err());
    assertTrue(refused.err().contains("register it first"), refused.err());
    assertEquals("", refused.out());

    data.kiosk("hall-9", net.north());
    Run created = cli("create", "--role", "KIOSK", "--kiosk", "hall-9");
    assertEquals(0, created.status(), created.err());
    assertTrue(created.err().contains("for kiosk hall-9"), created.err());
    assertEquals(
        "hall-9",
        server
            .data("{ viewer { kioskId } }", Map.of(), created.out().strip())
            .getJsonObject("viewer")
            .getString("kioskId"));
  }

  @Test
  void aNumericPointIdWorksToo() {
    Run run = cli("create", "--role", "STAFF", "--point", Long.toString(net.south()));
    assertEquals(0, run.status(), run.err());
  }

  @Test
  void listShowsTokensAndRevokeStopsOne() {
    String token = cli("create", "--role", "ADMIN", "--label", "ops").out().strip();
    long id = data.queryLong("SELECT id FROM api_token WHERE token_hash = ?", Tokens.hash(token));
    Run list = cli("list");
    assertEquals(0, list.status(), list.err());
    assertTrue(
        list.out()
            .lines()
            .anyMatch(
                l -> l.strip().startsWith(id + " ") && l.contains("ACTIVE") && l.contains("ops")),
        list.out());
    assertFalse(list.out().contains(token));
    Run revoke = cli("revoke", Long.toString(id));
    assertEquals(0, revoke.status(), revoke.err());
    assertTrue(
        cli("list")
            .out()
            .lines()
            .anyMatch(l -> l.strip().startsWith(id + " ") && l.contains("REVOKED")));
    assertEquals(1, cli("revoke", "424242").status());
  }

  @Test
  void badCommandLinesAreRefusedWithUsage() {
    for (String[] args :
        new String[][] {
          {},
          {"frobnicate"},
          {"create"},
          {"create", "--role", "WIZARD"},
          {"create", "--role", "MANAGER"},
          {"create", "--role", "STAFF", "--point"},
          {"create", "--role", "STAFF", "--point", "1", "--days", "many"},
          {"create", "--role", "STAFF", "--point", "1", "--days", "400"},
          {"create", "--role", "ADMIN", "--colour", "red"},
          {"revoke"},
          {"revoke", "not-an-id"},
        }) {
      Run run = cli(args);
      assertEquals(2, run.status(), String.join(" ", args) + ": " + run.err());
      assertTrue(run.err().contains("token"), run.err());
      assertEquals("", run.out());
    }
    Run unknownPoint = cli("create", "--role", "STAFF", "--point", "999999");
    assertEquals(2, unknownPoint.status());
    assertTrue(unknownPoint.err().contains("no point"), unknownPoint.err());
  }

  @Test
  void withoutDatabaseUrlItUsesTheRunningEmbeddedPostgres() throws Exception {
    // A database named like the embedded server's, on the suite's PostgreSQL, stands in for a
    // running server's embedded PostgreSQL; the data directory must stay untouched.
    try (var c = TestPostgres.jdbc(TestPostgres.adminUrl())) {
      c.createStatement().execute("DROP DATABASE IF EXISTS practicemap");
      c.createStatement().execute("CREATE DATABASE practicemap TEMPLATE pm_empty_template");
    }
    Path dataDir = Files.createTempDirectory(Path.of("target"), "cli-data-");
    Run run =
        cli(
            Map.of(
                "EMBEDDED_PG_PORT",
                Integer.toString(TestPostgres.port()),
                "DATA_DIR",
                dataDir.toString()),
            "create",
            "--role",
            "ADMIN");
    assertEquals(0, run.status(), run.err());
    assertFalse(Files.exists(dataDir.resolve("pg")), "no embedded PostgreSQL was started");
  }
}
