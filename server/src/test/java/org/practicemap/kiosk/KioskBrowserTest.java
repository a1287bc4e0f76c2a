package org.practicemap.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.practicemap.testing.Browser;
import org.practicemap.testing.Ids;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * The kiosk (kiosk/SPEC.md; each test names the rules it checks) in real headless Chromium over the
 * demo data: every screen in both orientations, the booking QR code read back from a screenshot,
 * live seats, offline and recovery, the idle reset, Mongolian, accessibility.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KioskBrowserTest {
  static final String BASE = "https://map.example.org";
  static final int[][] ORIENTATIONS = {{1080, 1920}, {1920, 1080}};
  static final String BOOK =
      "mutation($input: BookActivityInput!) { bookActivity(input: $input) {"
          + " booking { status } activity { seatsLeft } } }";

  static String databaseUrl;
  static TestServer server;
  static TestData data;
  static Browser browser;
  static KioskPage page;
  static long classId;
  static int phones = 0;

  @BeforeAll
  static void start() {
    databaseUrl = TestPostgres.newDemoDatabase();
    server = TestServer.start(databaseUrl, env(0));
    data = new TestData(databaseUrl);
    // A class at the centre tomorrow with six seats and no waiting list: the seats tests' own.
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0);
    classId = data.activity(1, "HEALTHY_LIVING", "CLASS", start, start.plusHours(2), 6);
    data.update(
        "UPDATE activity SET title_zh = '太极拳体验课', title_en = 'Tai chi taster', has_waitlist ="
            + " false WHERE id = ?",
        classId);
    browser = Browser.open(1080, 1920);
    page = new KioskPage(browser);
  }

  static Map<String, String> env(int port) {
    return Map.of(
        "PORT", String.valueOf(port),
        "PUBLIC_BASE_URL", BASE,
        "BOOKING_LIMIT_PER_PHONE_HOUR", "0",
        "BOOKING_LIMIT_PER_IP_HOUR", "0",
        "RATE_LIMIT_PER_IP_MINUTE", "0");
  }

  @AfterAll
  static void stop() {
    browser.close();
    data.close();
    server.close();
    TestPostgres.drop(databaseUrl);
  }

  static void open(String query, int[] size) {
    browser.resizeViewport(size[0], size[1]);
    browser.go(server.url("/kiosk/?id=demo-centre" + query));
    page.waitShown(20, ".k-main .screen");
  }

  static String orientation(int[] size) {
    return size[0] < size[1] ? "portrait" : "landscape";
  }

  /** Checks rule 12 on the screen shown and saves its screenshot. */
  static void looksRight(String name) {
    assertTrue(page.fitsTheScreen(), name + " is wider than the screen");
    assertEquals(List.of(), page.targetsSmallerThan(64), name + ": touch targets under 64 px");
    assertEquals(List.of(), page.textSmallerThan(28), name + ": text under 28 px");
    page.settle();
    browser.saveScreenshot(name);
  }

  @Test
  @Order(1)
  void everyScreenRendersInBothOrientations() { // rules 4, 5, 6, 8, 12
    for (int[] size : ORIENTATIONS) {
      String o = orientation(size);
      open("", size);
      page.waitShown(20, ".home .activity-row");
      page.waitShown(10, ".home .hero-title");
      page.waitShown(10, ".home .festival");
      looksRight("kiosk-home-" + o);

      page.tap("[data-tab=map]");
      page.waitShown(10, ".map .pt");
      assertTrue(page.count(".map .pt") >= 30, "the demo's map points are drawn");
      assertEquals(8, page.count(".legend button"));
      // Points may overlap on the schematic: tap the first one directly.
      browser.js(
          "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
          page.waitShown(10, ".map .pt[tabindex='0']"));
      page.waitShown(10, "pm-point-card h2");
      page.waitShown(10, "pm-point-card .open");
      looksRight("kiosk-map-" + o);

      page.tap("[data-tab=themes]");
      page.waitShown(10, ".tiles .tile");
      assertEquals(8, page.count(".tiles .tile"));
      looksRight("kiosk-themes-" + o);
      page.tap(".tiles .tile");
      page.waitShown(10, ".board-head h2");
      page.waitShown(10, ".places li");
      looksRight("kiosk-theme-board-" + o);

      page.tap("[data-tab=routes]");
      page.waitShown(10, ".routes .stop");
      page.waitImages();
      looksRight("kiosk-routes-" + o);

      open("&screen=activity:" + Ids.activity(classId), size);
      page.waitShown(10, ".act-book .qr");
      page.waitImages();
      looksRight("kiosk-activity-" + o);
    }
  }

  @Test
  @Order(1)
  void theServersRootOpensTheKiosk() { // rule 1
    browser.resizeViewport(1080, 1920);
    browser.go(server.url("/"));
    page.waitShown(20, ".k-main .screen");
    assertEquals(server.url("/kiosk/"), browser.driver().getCurrentUrl());
  }

  @Test
  @Order(2)
  void theActivityQrCodeReadFromTheScreenOpensItsBookingPageWithTheKioskId() { // rule 7
    String id = Ids.activity(classId);
    for (int[] size : ORIENTATIONS) {
      open("&screen=activity:" + id, size);
      assertEquals(BASE + "/b/" + id + "?k=demo-centre", page.decodeQr(".act-book .qr"));
    }
  }

  @Test
  @Order(2)
  void theRouteQrCodeOpensThePhoneRoutePage() { // rule 8
    open("&screen=routes", ORIENTATIONS[0]);
    page.waitShown(10, ".route-qr .qr");
    String url = page.decodeQr(".route-qr .qr");
    assertTrue(url.startsWith(BASE + "/r/"), url);
    browser.resizeViewport(360, 640);
    browser.go(server.url(url.substring(BASE.length())));
    page.waitShown(10, ".route-stops li");
    assertTrue(page.count(".route-stops li") >= 2);
    browser.saveScreenshot("route-phone");
  }

  @Test
  @Order(3)
  void bookingsThroughTheApiChangeTheSeatsOnScreenWithoutAReload() { // rule 7
    open("&screen=activity:" + Ids.activity(classId), ORIENTATIONS[0]);
    page.waitText(10, ".seats-big", "剩余 6 座");
    browser.js("window.__sameDocument = true");
    // The first booking proves the subscription is running; the next must show within 2 s.
    book(classId, 1);
    page.waitText(10, ".seats-big", "剩余 5 座");
    book(classId, 2);
    page.waitText(2, ".seats-big", "剩余 3 座");
    book(classId, 3);
    page.waitShown(2, "[data-full]");
    assertTrue(page.waitText(2, "[data-full]", "本场已约满").contains("本场已约满"));
    assertEquals(0, page.count(".act-book .qr"), "no QR code for a full activity");
    assertEquals(Boolean.TRUE, browser.js("return window.__sameDocument === true"));
    browser.saveScreenshot("kiosk-activity-full");
  }

  @Test
  @Order(3)
  void aChangeToAnActivityNearbyShowsInItsRowOnHomeWithoutAReload() { // rule 4
    open("", ORIENTATIONS[0]);
    String id = page.waitShown(20, ".home .activity-row").getAttribute("data-activity");
    String css = ".home .activity-row[data-activity='" + id + "'] pm-seats";
    page.waitShown(5, css);
    browser.js("window.__sameDocument = true");
    // Seats for the first row's activity, 7 of them taken: the row follows activitiesChanged.
    long row = org.practicemap.graphql.GlobalId.decodeLong("id", "Activity", id);
    data.update("UPDATE activity SET capacity = seats_taken + 7 WHERE id = ?", row);
    page.waitText(10, css, "剩余 7 座");
    assertEquals(Boolean.TRUE, browser.js("return window.__sameDocument === true"));
  }

  static void book(long activity, int party) {
    book(Ids.activity(activity), party);
  }

  static void book(String activityId, int party) {
    Map<String, Object> input = new HashMap<>();
    input.put("activityId", activityId);
    input.put("name", "测试");
    input.put("phone", String.format("1390000%04d", ++phones));
    input.put("partySize", party);
    input.put("idempotencyKey", UUID.randomUUID().toString());
    server.data(BOOK, Map.of("input", input));
  }

  @Test
  @Order(4)
  void mongolianIsSetVerticallyInTheBundledFontAlsoBesideChinese() { // rules 13, 14
    for (String mode : List.of("mn", "bi")) {
      for (int[] size : ORIENTATIONS) {
        open("&lang=" + mode, size);
        page.waitShown(20, ".home .activity-row");
        page.waitShown(10, ".k-brand .mong");
        assertEquals("vertical-lr", browser.js(style(".k-brand .mong", "writingMode")));
        assertTrue(
            ((String) browser.js(style(".k-brand .mong", "fontFamily")))
                .startsWith("\"Noto Sans Mongolian\""));
        Object loaded =
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " document.fonts.load('32px \"Noto Sans Mongolian\"', 'ᠮᠣᠩᠭᠣᠯ').then(() =>"
                        + " done(document.fonts.check('32px \"Noto Sans Mongolian\"', 'ᠮᠣᠩᠭᠣᠯ')"
                        + " && performance.getEntriesByType('resource').some(e =>"
                        + " e.name.endsWith('/kiosk/fonts/NotoSansMongolian-Regular.woff2'))));");
        assertEquals(Boolean.TRUE, loaded, "the bundled font is loaded and used");
        if (mode.equals("mn")) {
          page.waitText(5, ".k-note", "蒙古文译文待补");
        } else {
          page.waitShown(5, ".k-brand .bi .zh");
        }
        looksRight(
            "kiosk-home-"
                + (mode.equals("mn") ? "mongolian" : "bilingual")
                + "-"
                + orientation(size));
      }
    }
  }

  static String style(String css, String property) {
    return "return getComputedStyle(document.querySelector('" + css + "'))." + property;
  }

  @Test
  @Order(5)
  void largeTextAndHighContrastAreOneTouchAway() { // rule 12
    for (int[] size : ORIENTATIONS) {
      open("", size);
      page.waitShown(20, ".home .activity-row");
      page.tap("[data-toggle=largeText]");
      page.tap("[data-toggle=contrast]");
      assertEquals("38px", browser.js("return getComputedStyle(document.body).fontSize"));
      assertEquals(
          "rgb(0, 0, 0)",
          browser.js("return getComputedStyle(document.documentElement).backgroundColor"));
      looksRight("kiosk-home-high-contrast-large-" + orientation(size));
    }
  }

  @Test
  @Order(6)
  void noSeriousOrCriticalAccessibilityViolationOnAnyScreen() { // rule 19
    for (String screen :
        List.of(
            "",
            "&screen=map",
            "&screen=themes",
            "&screen=routes",
            "&screen=activity:" + Ids.activity(classId),
            "&lang=bi",
            "&lang=mn")) {
      open(screen, ORIENTATIONS[0]);
      page.waitImages();
      page.waitShown(20, ".k-main .screen > *");
      assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe on " + screen);
    }
  }

  @Test
  @Order(7)
  void afterIdleACountdownThenHomeWithDefaultsAndTheAttractLoop() { // rules 9, 10
    open("&idle=2&countdown=3", ORIENTATIONS[0]);
    page.tap("[data-tab=map]");
    page.waitShown(10, ".map .pt");
    // A touch during the countdown cancels it.
    page.waitShown(10, ".k-countdown");
    page.tap(".k-countdown button");
    page.waitGone(5, ".k-countdown");
    assertEquals(1, page.count(".screen.map"));
    page.tap("[data-mode=en]");
    page.tap("[data-toggle=contrast]");
    page.waitShown(10, ".k-countdown");
    browser.saveScreenshot("kiosk-idle-countdown");
    page.waitShown(10, "pm-attract-loop .slide h2");
    assertEquals(1, page.count(".screen.home"), "back to Home");
    assertEquals("zh-CN", browser.js("return document.documentElement.lang"));
    assertEquals(
        Boolean.FALSE,
        browser.js("return document.documentElement.classList.contains('high-contrast')"));
    // This year's totals, as the reports give them.
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    var stats =
        server
            .data(
                "query($from: Date!, $to: Date!) { stats(from: $from, to: $to) {"
                    + " activitiesHeld peopleServed } }",
                Map.of("from", today.substring(0, 4) + "-01-01", "to", today))
            .getJsonObject("stats");
    String held = page.waitShown(10, "[data-total=activities] b").getText();
    assertEquals(stats.getInteger("activitiesHeld").toString(), held.replace(",", ""));
    String served = page.waitShown(10, "[data-total=people] b").getText();
    assertEquals(stats.getInteger("peopleServed").toString(), served.replace(",", ""));
    page.settle();
    browser.saveScreenshot("kiosk-attract");
    page.tap("pm-attract-loop");
    page.waitGone(5, "pm-attract-loop");
    assertEquals(1, page.count(".screen.home"));
  }

  @Test
  @Order(8)
  void aJavaScriptErrorBringsTheKioskBackHome() { // rule 17
    open("&screen=themes", ORIENTATIONS[0]);
    page.waitShown(10, ".tiles .tile");
    browser.js("setTimeout(() => { throw new Error('a bug in a screen'); }, 0)");
    page.waitShown(10, ".screen.home");
    page.waitShown(20, ".home .activity-row");
  }

  @Test
  @Order(9)
  void theTokenIsKeptOutOfSightHeartbeatsArriveAndConfigurationChangesShowLive() { // rules 1, 2
    String token = data.token("KIOSK", null, "demo-centre", "1 day");
    browser.resizeViewport(1080, 1920);
    browser.go(server.url("/kiosk/?id=demo-centre#token=" + token));
    page.waitShown(20, ".home .activity-row");
    assertEquals(server.url("/kiosk/?id=demo-centre"), browser.driver().getCurrentUrl());
    assertEquals(token, browser.js("return localStorage.getItem('pm.kiosk.token')"));
    browser.waitFor(
        10,
        d ->
            data.queryLong(
                    "SELECT count(*) FROM kiosk_heartbeat WHERE kiosk_id = 'demo-centre'"
                        + " AND app_version LIKE 'kiosk-%' AND screen_width = 1080")
                == 1);
    browser.js("window.__sameDocument = true");
    data.update("UPDATE kiosk SET name_zh = '实践中心大厅' WHERE id = 'demo-centre'");
    page.waitText(10, ".k-place", "实践中心大厅");
    assertEquals(Boolean.TRUE, browser.js("return window.__sameDocument === true"));
    browser.js("localStorage.removeItem('pm.kiosk.token')");
  }

  @Test
  @Order(9)
  void aMobileKioskWhoseNextDeploymentBeginsShowsWhatIsNearItsNewPlace() { // rules 2, 4
    // A deployment starting is a matter of time, not of a row the kiosk follows: no version, no
    // kioskUpdated. The heartbeat's answer carries the location, and the app compares it.
    long pointId = data.queryLong("SELECT point_id FROM kiosk WHERE id = 'mobile-01'");
    long far = data.point(1L, "STATION", "迁移测试站", 44.9, 120.4, true);
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0);
    long there = data.activity(far, "HEALTHY_LIVING", "CLASS", start, start.plusHours(2), 10);
    data.update("UPDATE activity SET title_zh = '新址书法课' WHERE id = ?", there);
    String token = data.token("KIOSK", null, "mobile-01", "1 day");
    browser.resizeViewport(1920, 1080);
    browser.go(server.url("/kiosk/?id=mobile-01&heartbeat=1#token=" + token));
    page.waitShown(20, ".home .hero-title");
    browser.waitFor(10, d -> page.count(".screen.home") == 1);
    assertTrue(!page.waitShown(10, ".screen.home").getText().contains("新址书法课"));
    browser.js("window.__sameDocument = true");
    try {
      data.update(
          "INSERT INTO deployment (point_id, lat, lng, address_zh, starts_at, ends_at)"
              + " VALUES (?, 44.9, 120.4, '迁移测试站旁', now() - interval '1 second',"
              + " now() + interval '1 day')",
          pointId);
      page.waitText(15, ".screen.home", "新址书法课");
      assertEquals(Boolean.TRUE, browser.js("return window.__sameDocument === true"));
      assertTrue(!page.waitShown(5, ".screen.home").getText().contains("太极拳体验课"));
    } finally {
      data.update("DELETE FROM deployment WHERE point_id = ? AND address_zh = '迁移测试站旁'", pointId);
      data.update("DELETE FROM activity WHERE id = ?", there);
      browser.js("localStorage.removeItem('pm.kiosk.token')");
    }
  }

  @Test
  @Order(9)
  void anOperatorsTileUrlPutsTilesUnderATrueToScaleMap() { // rule 5
    open("&screen=map", ORIENTATIONS[1]);
    page.waitShown(10, ".map .pt");
    assertEquals(0, page.count(".map image.tile"));
    data.update(
        "UPDATE kiosk SET tile_url = 'https://tiles.example.org/{z}/{x}/{y}.png'"
            + " WHERE id = 'demo-centre'");
    try {
      browser.waitFor(10, d -> page.count(".map image.tile") > 0);
      assertTrue(page.count(".map image.tile") <= 30, "a bounded number of tiles");
      String href = page.waitShown(5, ".map-note").getText();
      assertTrue(href.contains("底图"), href);
      assertTrue(
          ((String)
                  browser.js(
                      "return document.querySelector('.map image.tile').getAttribute('href')"))
              .matches("https://tiles\\.example\\.org/\\d+/\\d+/\\d+\\.png"));
      assertTrue(page.count(".map .pt") >= 30, "the points are still drawn over the tiles");
    } finally {
      data.update("UPDATE kiosk SET tile_url = NULL WHERE id = 'demo-centre'");
    }
  }

  @Test
  @Order(9)
  void anUnknownKioskSaysItIsNotRegistered() { // rule 1
    browser.go(server.url("/kiosk/?id=no-such-screen"));
    page.waitText(20, "pm-kiosk", "这块屏幕尚未登记：no-such-screen");
  }

  @Test
  @Order(9)
  void goingThroughEveryScreenAgainAndAgainLeavesNoListenerOrTimerBehind() { // rule 18
    ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of("source", KioskPage.resource("/kiosk-count-live-handles.js")));
    open("", ORIENTATIONS[0]);
    page.waitShown(20, ".home .activity-row");
    Object first = null;
    for (int round = 0; round < 4; round++) {
      for (String tab : List.of("map", "themes", "routes", "home")) {
        page.tap("[data-tab=" + tab + "]");
        page.waitShown(10, ".screen." + tab + " > *");
      }
      page.tap(".home .activity-row");
      page.waitShown(10, ".screen.activity .act-head");
      page.tap("[data-mode=en]");
      page.tap("[data-mode=zh]");
      page.tap("[data-tab=home]");
      page.waitShown(10, ".home .activity-row");
      Object handles = browser.js("return JSON.stringify(window.__handles())");
      if (round == 1) {
        first = handles;
      }
      if (round == 3) {
        assertEquals(first, handles, "listeners and intervals alive after rounds 2 and 4");
      }
    }
  }

  @Test
  @Order(10)
  void withTheServerDownTheLastDataStaysUnderABannerAndComesBackWithIt() { // rules 15, 16
    open("", ORIENTATIONS[0]);
    page.waitShown(20, ".home .activity-row");
    int port = server.port();
    server.close();
    page.waitText(30, ".k-offline", "网络中断");
    assertTrue(page.count(".home .activity-row") > 0, "the last data stays on screen");
    page.tap("[data-tab=themes]");
    page.waitShown(10, ".tiles .tile"); // remembered from the first test
    browser.saveScreenshot("kiosk-offline");
    // Even a reload during the outage shows the last data: page from the service worker, data
    // and configuration from localStorage.
    browser.waitFor(
        10, d -> (Boolean) browser.js("return navigator.serviceWorker.controller !== null"));
    browser.driver().navigate().refresh();
    page.waitShown(20, ".home .activity-row");
    page.waitText(10, ".k-offline", "网络中断");
    server = TestServer.start(databaseUrl, env(port));
    page.waitGone(60, ".k-offline");
    page.tap("[data-tab=home]");
    page.waitShown(20, ".home .activity-row");
  }
}
