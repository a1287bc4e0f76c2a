package org.practicemap.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.practicemap.testing.Browser;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * The phone booking page works on a server in allow-list mode, and every request it makes to
 * /graphql carries a hash and no query text: its queries are the registered .graphql files.
 */
class PagesUsePersistedQueriesTest {
  /** Records every body the page POSTs to /graphql, before any of the page's scripts run. */
  static final String RECORD_FETCH =
      """
      window.__graphql = [];
      const original = window.fetch;
      window.fetch = (url, init) => {
        if (String(url).endsWith('/graphql') && init && init.body) window.__graphql.push(init.body);
        return original(url, init);
      };
      """;

  static TestServer server;
  static long activity;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newEmptyDatabase();
    try (TestData data = new TestData(url)) {
      Network net = Network.create(data);
      OffsetDateTime start = OffsetDateTime.now().plusDays(5).withNano(0);
      activity =
          data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), 10);
    }
    server =
        TestServer.start(
            url,
            Map.of(
                "PERSISTED_QUERIES", "allowlist",
                "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
                "BOOKING_LIMIT_PER_IP_HOUR", "0"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void bookingFromThePhonePageSendsOnlyHashes() {
    try (Browser browser = Browser.open(360, 640)) {
      ((ChromeDriver) browser.driver())
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_FETCH));
      browser.go(server.url("/b/" + Ids.activity(activity)));
      browser.waitFor(15, d -> !d.findElements(By.cssSelector("pm-booking-form form")).isEmpty());
      browser.driver().findElement(By.id("name")).sendKeys("李霞");
      browser.driver().findElement(By.id("phone")).sendKeys("13812345678");
      browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
      browser.waitFor(
          15,
          d -> {
            var status = d.findElements(By.cssSelector("pm-ticket .status"));
            return !status.isEmpty() && status.get(0).getText().contains("预约成功");
          });

      JsonArray bodies =
          new JsonArray((String) browser.js("return JSON.stringify(window.__graphql)"));
      assertTrue(bodies.size() >= 2, "a query and a mutation at least: " + bodies.encode());
      boolean booked = false;
      for (Object item : bodies) {
        JsonObject body = new JsonObject((String) item);
        assertFalse(body.containsKey("query"), "sent a query text: " + body.encode());
        String hash =
            body.getJsonObject("extensions")
                .getJsonObject("persistedQuery")
                .getString("sha256Hash");
        assertEquals(64, hash.length());
        booked |= body.getJsonObject("variables").containsKey("input");
      }
      assertTrue(booked, "the booking went by hash too");
    }
  }
}
