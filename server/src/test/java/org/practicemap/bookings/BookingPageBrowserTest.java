package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.practicemap.testing.Browser;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.practicemap.testing.TestSubscriptions;

/**
 * The phone booking page in real headless Chromium on a 360×640 screen: book, see the ticket, fetch
 * the calendar file, cancel; mistakes are told beside their field; three languages.
 */
class BookingPageBrowserTest {
  static TestServer server;
  static TestData data;
  static Network net;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of(
                "DEMO_DATA", "false",
                "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
                "BOOKING_LIMIT_PER_IP_HOUR", "0"));
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static long craftClass(int capacity, boolean waitlist) {
    OffsetDateTime start = OffsetDateTime.parse("2030-01-05T14:00:00+08:00");
    long id =
        data.activity(net.northStation(), "A_THEME", "CLASS", start, start.plusHours(2), capacity);
    data.update(
        "UPDATE activity SET title_zh = '非遗剪纸体验课', title_en = 'Paper-cutting workshop',"
            + " title_mn = 'ᠬᠠᠢᠴᠢᠯᠠᠮᠠᠯ ᠤᠨ ᠬᠢᠴᠢᠶᠡᠯ', has_waitlist = ? WHERE id = ?",
        waitlist,
        id);
    return id;
  }

  @Test
  void bookSeeTheTicketAddToCalendarAndCancel() {
    long activity = craftClass(10, true);
    try (Browser browser = Browser.open(360, 640)) {
      browser.go(server.url("/b/" + Ids.activity(activity) + "?k=hall-1"));
      WebDriver d = browser.driver();
      waitText(browser, "pm-activity-card h1", "非遗剪纸体验课");
      assertEquals("剩余 10 个座位", text(d, ".seats"));
      assertTrue(text(d, ".when").contains("1月5日"), text(d, ".when"));
      assertTrue(text(d, ".when").contains("14:00–16:00"), text(d, ".when"));
      browser.saveScreenshot("booking-form");

      d.findElement(By.cssSelector("button[type=submit]")).click();
      waitText(browser, "#name-error", "请填写姓名");
      assertTrue(text(d, "#phone-error").contains("11 位"));
      browser.saveScreenshot("booking-form-errors");

      d.findElement(By.id("name")).sendKeys("李霞");
      d.findElement(By.id("phone")).sendKeys("138 1234 5678");
      d.findElement(By.cssSelector("label[for=party-2]")).click();
      d.findElement(By.cssSelector("button[type=submit]")).click();
      waitText(browser, "pm-ticket .status", "预约成功");
      String code = d.findElement(By.cssSelector("pm-ticket .code")).getAttribute("data-code");
      assertEquals("李*", text(d, ".holder dd:nth-of-type(1)"));
      assertEquals("138****5678", text(d, ".holder dd:nth-of-type(2)"));
      assertEquals("剩余 8 个座位", text(d, ".seats"));
      browser.waitFor(
          5, x -> (Boolean) browser.js("return document.querySelector('img.qr').naturalWidth > 0"));
      assertNoSideways(browser);
      browser.saveScreenshot("booking-confirmed");
      assertEquals(
          "kiosk:hall-1", data.queryString("SELECT source FROM booking WHERE code = ?", code));
      assertEquals(2, data.queryLong("SELECT party_size FROM booking WHERE code = ?", code));

      String href = d.findElement(By.cssSelector("[data-action=calendar]")).getAttribute("href");
      HttpResponse<String> ics = server.get(href.substring(href.indexOf("/ics/")));
      assertEquals(200, ics.statusCode());
      assertTrue(ics.body().contains("SUMMARY:非遗剪纸体验课\r\n"), ics.body());
      assertTrue(ics.body().contains("BEGIN:VALARM"), ics.body());

      // Reloading the page shows the same ticket (remembered on this phone).
      browser.go(server.url("/b/" + Ids.activity(activity)));
      waitText(browser, "pm-ticket .status", "预约成功");

      d.findElement(By.cssSelector("[data-action=ask-cancel]")).click();
      waitText(browser, ".confirm-cancel p", "确定要取消吗");
      browser.saveScreenshot("booking-cancel-confirm");
      d.findElement(By.cssSelector("[data-action=cancel]")).click();
      waitText(browser, "pm-ticket .status", "预约已取消");
      assertEquals(
          "CANCELLED", data.queryString("SELECT status FROM booking WHERE code = ?", code));
      assertEquals("剩余 10 个座位", text(d, ".seats"));
      browser.saveScreenshot("booking-cancelled");

      d.findElement(By.cssSelector("[data-action=book-again]")).click();
      browser.waitFor(5, x -> !x.findElements(By.cssSelector("pm-booking-form form")).isEmpty());
    }
  }

  @Test
  void englishAndMongolianAreOneTapAway() {
    long activity = craftClass(6, true);
    try (Browser browser = Browser.open(360, 640)) {
      browser.go(server.url("/b/" + Ids.activity(activity)));
      waitText(browser, "pm-activity-card h1", "非遗剪纸体验课");
      browser.driver().findElement(By.cssSelector("button[data-lang=en]")).click();
      waitText(browser, "pm-activity-card h1", "Paper-cutting workshop");
      assertEquals("6 seats left", text(browser.driver(), ".seats"));
      assertEquals("Book", text(browser.driver(), "button[type=submit]"));
      assertNoSideways(browser);
      browser.saveScreenshot("booking-form-en");
      browser.driver().findElement(By.cssSelector("button[data-lang=mn]")).click();
      waitText(browser, "pm-activity-card h1", "ᠬᠠᠢᠴᠢᠯᠠᠮᠠᠯ");
      assertEquals("mn-Mong", browser.js("return document.documentElement.lang"));
      // In the bundled font (kiosk/fonts), not whatever the phone has: fetched and in use.
      browser.waitFor(
          10,
          d ->
              (Boolean)
                  browser.js(
                      "return [...document.fonts].some(f => f.family.replace(/[\"']/g, '')"
                          + " === 'Noto Sans Mongolian' && f.status === 'loaded')"));
      assertEquals(
          Boolean.TRUE,
          browser.js(
              "return performance.getEntriesByType('resource').some(e => new URL(e.name).pathname"
                  + " === '/kiosk/fonts/NotoSansMongolian-Regular.woff2')"));
      assertNoSideways(browser);
      browser.saveScreenshot("booking-form-mn");
    }
  }

  @Test
  void aFullActivityOffersTheWaitingListAndShowsThePosition() {
    long activity = craftClass(1, true);
    Bookings.booked(server, activity, Bookings.phone(500), 1);
    try (Browser browser = Browser.open(360, 640)) {
      browser.go(server.url("/b/" + Ids.activity(activity)));
      waitText(browser, ".seats", "已满，可以排队候补");
      assertEquals("排队候补", text(browser.driver(), "button[type=submit]"));
      assertEquals(
          1,
          browser.driver().findElements(By.cssSelector("input[name=partySize]")).size(),
          "no party larger than the activity's one seat is offered");
      browser.driver().findElement(By.id("name")).sendKeys("王芳");
      browser.driver().findElement(By.id("phone")).sendKeys("+8613912345678");
      browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
      waitText(browser, "pm-ticket .status", "已排队候补 · 第 1 位");
      browser.saveScreenshot("booking-waitlisted");
    }
  }

  /** Counts the page's POSTs to /graphql, installed before any of its scripts run. */
  static final String COUNT_FETCH =
      """
      window.__posts = 0;
      const original = window.fetch;
      window.fetch = (url, init) => {
        if (String(url).endsWith('/graphql') && init && init.method === 'POST') window.__posts++;
        return original(url, init);
      };
      """;

  /**
   * Seats booked elsewhere appear without a reload, pushed over the subscription: once the page's
   * socket follows the activity, the second booking's seats show up while the page has sent no
   * query at all (the first may still be caught by the query the page makes as its socket opens).
   */
  @Test
  void seatsBookedElsewhereArePushedToThePage() {
    long activity = craftClass(10, true);
    int followers = server.server().live().activities().size();
    try (Browser browser = Browser.open(360, 640)) {
      ((ChromeDriver) browser.driver())
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_FETCH));
      browser.go(server.url("/b/" + Ids.activity(activity)));
      waitText(browser, ".seats", "剩余 10 个座位");
      TestSubscriptions.awaitFollowers(server, followers + 1);
      Bookings.booked(server, activity, Bookings.phone(700), 3);
      waitText(browser, ".seats", "剩余 7 个座位");
      long posts = (Long) browser.js("return window.__posts");
      Bookings.booked(server, activity, Bookings.phone(701), 2);
      waitText(browser, ".seats", "剩余 5 个座位");
      assertEquals(posts, (Long) browser.js("return window.__posts"), "no query: it was pushed");
    }
  }

  @Test
  void theServersRefusalIsShownBesideTheField() {
    long activity = craftClass(5, true);
    Bookings.booked(server, activity, "13700007777", 1);
    try (Browser browser = Browser.open(360, 640)) {
      browser.go(server.url("/b/" + Ids.activity(activity)));
      waitText(browser, "pm-activity-card h1", "非遗剪纸体验课");
      browser.driver().findElement(By.id("name")).sendKeys("张三");
      browser.driver().findElement(By.id("phone")).sendKeys("13700007777");
      browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
      waitText(browser, "#phone-error", "这个手机号已经预约过本活动");
      assertEquals(
          "true", browser.driver().findElement(By.id("phone")).getAttribute("aria-invalid"));
    }
  }

  @Test
  void anOpenEventSaysNoBookingIsNeededAndAnUnknownActivityIsExplained() {
    long open = craftClass(1, true);
    data.update("UPDATE activity SET capacity = NULL WHERE id = ?", open);
    try (Browser browser = Browser.open(360, 640)) {
      browser.go(server.url("/b/" + Ids.activity(open)));
      waitText(browser, ".seats", "无需预约");
      assertTrue(browser.driver().findElements(By.cssSelector("pm-booking-form")).isEmpty());
      browser.go(server.url("/b/" + Ids.activity(999_999)));
      waitText(browser, ".notice.error", "找不到这个活动");
    }
  }

  static void waitText(Browser browser, String css, String expected) {
    browser.waitFor(
        10,
        d -> {
          try {
            var found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(expected);
          } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false; // re-rendered while being read: look again
          }
        });
  }

  /**
   * The element's text as it is now, read in one script: the page re-renders its card when the live
   * seats arrive, so an element found first and read afterwards can already be gone.
   */
  static String text(WebDriver d, String css) {
    return (String)
        ((org.openqa.selenium.JavascriptExecutor) d)
            .executeScript(
                "const e = document.querySelector(arguments[0]);"
                    + " if (!e) throw new Error('no element ' + arguments[0]); return e.innerText;",
                css);
  }

  /** Nothing wider than the screen: no sideways scrolling on a 360 px phone. */
  static void assertNoSideways(Browser browser) {
    long width = (Long) browser.js("return document.documentElement.scrollWidth");
    assertTrue(width <= 360, "page is " + width + " px wide");
  }
}
