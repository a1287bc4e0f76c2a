package org.practicemap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.practicemap.testing.Browser;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** The kiosk folder is served at /kiosk/ and its page talks to /graphql, in real Chromium. */
class KioskPlaceholderTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.point(null, "CENTER", "中心", 43.6, 122.2, true);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void rootRedirectsToTheKioskWhichShowsLiveCounts() {
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(server.url("/"));
      String status =
          browser.waitFor(
              10,
              d -> {
                String text = d.findElement(By.id("status")).getText();
                return text.contains("实践点") ? text : null;
              });
      assertEquals("1 个实践点 · 0 场活动", status);
      assertEquals(server.url("/kiosk/"), browser.driver().getCurrentUrl());
    }
  }
}
