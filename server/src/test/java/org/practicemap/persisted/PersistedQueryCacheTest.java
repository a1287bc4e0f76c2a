package org.practicemap.persisted;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.practicemap.persisted.Apq.byHash;
import static org.practicemap.persisted.Apq.json;
import static org.practicemap.persisted.Apq.withText;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** The cache of clients' queries is bounded: the least recently used goes first. */
class PersistedQueryCacheTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(), Map.of("PERSISTED_QUERY_CACHE_SIZE", "2"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void leastRecentlyUsedQueryIsForgottenBeyondTheLimitAndRegisteredOnesStay() {
    String a = "{ themes { code } } # a";
    String b = "{ themes { name } } # b";
    String c = "{ themes { color } } # c";
    withText(server, a, null);
    withText(server, b, null);
    assertNull(json(byHash(server, Sha256.hex(a), null)).getJsonArray("errors"));
    withText(server, c, null);

    Errors.single(json(byHash(server, Sha256.hex(b), null)), "PERSISTED_QUERY_NOT_FOUND");
    assertNull(json(byHash(server, Sha256.hex(a), null)).getJsonArray("errors"));
    assertNull(json(byHash(server, Sha256.hex(c), null)).getJsonArray("errors"));
    String registered = Apq.clientQuery("queries/network-counts.graphql");
    assertNull(json(byHash(server, Sha256.hex(registered), null)).getJsonArray("errors"));
  }
}
