package org.practicemap.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.practicemap.testing.Browser;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * kiosk/shared/persisted.js in real Chromium, against a server in allow-list mode: the page's
 * queries are .graphql files the server registered, sent by their hash alone.
 */
class PersistedQueriesInTheBrowserTest {
  /** Runs a query through runPersisted and reports every body sent and the final answer. */
  static final String RUN =
      """
      const [query, token] = arguments;
      const m = await import('/kiosk/shared/persisted.js');
      const post = m.postJson({ token });
      const sent = [];
      const body = await m.runPersisted(query, {}, (b) => { sent.push(b); return post(b); });
      return JSON.stringify({ sent, body });
      """;

  static TestServer server;
  static String adminToken;
  static Browser browser;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newEmptyDatabase();
    try (TestData data = new TestData(url)) {
      data.point(null, "CENTER", "中心", 43.6, 122.2, true);
      adminToken = data.token("ADMIN", null);
    }
    server = TestServer.start(url, Map.of("PERSISTED_QUERIES", "allowlist"));
    browser = Browser.open(1080, 1920);
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  @Test
  void kioskPageRunsItsRegisteredQueriesInAllowListMode() {
    // The kiosk's configuration query is a registered file: in allow-list mode it still runs, and
    // the screen shows its answer (this empty database registers no kiosk).
    browser.go(server.url("/kiosk/?id=hall-1"));
    String status =
        browser.waitFor(
            10,
            d -> {
              String text = d.findElement(By.cssSelector("pm-kiosk")).getText();
              return text.contains("hall-1") || text.contains("附近") ? text : null;
            });
    assertTrue(status.contains("hall-1") || status.contains("附近"), status);
  }

  @Test
  void registeredQueryGoesByHashAloneInOneRequest() {
    browser.go(server.url("/kiosk/"));
    JsonObject result = run(Apq.clientQuery("queries/network-counts.graphql"), null);
    JsonArray sent = result.getJsonArray("sent");
    assertEquals(1, sent.size());
    assertFalse(sent.getJsonObject(0).containsKey("query"));
    assertEquals(
        1,
        result
            .getJsonObject("body")
            .getJsonObject("data")
            .getJsonObject("points")
            .getInteger("totalCount"));
  }

  @Test
  void unknownQueryIsResentWithItsTextWhenTheServerAsks() {
    browser.go(server.url("/kiosk/"));
    JsonObject result = run("{ viewer { role } } # from a page", adminToken);
    JsonArray sent = result.getJsonArray("sent");
    assertEquals(2, sent.size());
    assertTrue(sent.getJsonObject(1).containsKey("query"));
    assertEquals(
        "ADMIN",
        result
            .getJsonObject("body")
            .getJsonObject("data")
            .getJsonObject("viewer")
            .getString("role"));
  }

  @Test
  void unregisteredQueryOfAPublicPageIsRefusedWithoutResending() {
    browser.go(server.url("/kiosk/"));
    JsonObject result = run("{ points(first: 1) { totalCount } }", null);
    assertEquals(1, result.getJsonArray("sent").size());
    assertEquals(
        "PERSISTED_QUERY_NOT_IN_LIST",
        result
            .getJsonObject("body")
            .getJsonArray("errors")
            .getJsonObject(0)
            .getJsonObject("extensions")
            .getString("code"));
  }

  @Test
  void javascriptFallbackHashEqualsWebCryptoForPlainHttpKiosks() {
    browser.go(server.url("/kiosk/"));
    Object mismatches =
        browser.js(
            """
            const m = await import('/kiosk/shared/persisted.js');
            const samples = ['', 'abc', '{ themes { code } }', '新时代文明实践地图 ᠮᠣᠩᠭᠣᠯ 😀',
                             'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(64), 'z'.repeat(5000)];
            const bad = [];
            for (const s of samples) {
              const bytes = new TextEncoder().encode(s);
              const web = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)),
                  (b) => b.toString(16).padStart(2, '0')).join('');
              if (m.sha256Fallback(bytes) !== web) bad.push(s.slice(0, 10));
            }
            return bad.length;
            """);
    assertEquals(0L, mismatches);
  }

  private static JsonObject run(String query, String token) {
    JsonObject result = new JsonObject((String) browser.js(RUN, query, token));
    return result;
  }
}
