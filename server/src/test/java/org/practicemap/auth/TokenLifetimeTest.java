package org.practicemap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * Tokens expire, and a revocation made elsewhere (another replica, the command line) is noticed
 * once the cache time has passed. The cache time is 1 s here; the server's default is 15 s.
 */
class TokenLifetimeTest {
  static TestServer server;
  static TestData data;
  static Network net;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of("TOKEN_CACHE_SECONDS", "1", "DEMO_DATA", "false"));
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static int status(String token) {
    return server.post("{ viewer { role } }", Map.of(), token).statusCode();
  }

  @Test
  void aTokenStopsWorkingWhenItExpiresEvenWhileCached() throws Exception {
    String token = data.token("STAFF", net.north(), null, "2 seconds");
    assertEquals(200, status(token));
    Thread.sleep(2100);
    assertEquals(401, status(token));
  }

  @Test
  void aRevocationMadeElsewhereIsNoticedOnceTheCacheTimeHasPassed() throws Exception {
    String token = data.token("MANAGER", net.north());
    assertEquals(200, status(token));
    data.update("UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", Tokens.hash(token));
    Thread.sleep(1100);
    assertEquals(401, status(token));
  }

  @Test
  void aTokenCheckedOnceIsServedFromTheCacheUntilForgotten() throws Exception {
    String token = data.token("STAFF", net.north());
    var sql = server.server().app().sql();
    var tokens = new TokenAuthenticator(sql, java.time.Duration.ofSeconds(30));
    Caller caller = tokens.authenticate(token).await(10, java.util.concurrent.TimeUnit.SECONDS);
    long before = sql.statementCount();
    assertEquals(
        caller, tokens.authenticate(token).await(10, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, sql.statementCount() - before);
    tokens.forget(caller.tokenId());
    tokens.authenticate(token).await(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(1, sql.statementCount() - before);
  }
}
