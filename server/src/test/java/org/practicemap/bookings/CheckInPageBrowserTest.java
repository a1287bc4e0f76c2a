package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.practicemap.testing.Browser;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * The staff check-in page in real headless Chromium: a typed code, a second scan, a refusal, and
 * the camera path. Headless Chromium on Linux has no BarcodeDetector and no camera, so that test
 * puts in a stand-in detector and a canvas stream: it proves the wiring (camera opened, frames
 * handed to the detector, the code read from the ticket URL, the check-in answered, the camera
 * turned off), not the decoding, which the QR tests prove with zxing.
 */
class CheckInPageBrowserTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static String token;

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
    token = data.token("STAFF", net.north());
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static long lecture() {
    OffsetDateTime start = OffsetDateTime.now().plusMinutes(30).withNano(0);
    long id =
        data.activity(net.northStation(), "A_THEME", "LECTURE", start, start.plusHours(2), 20);
    data.update("UPDATE activity SET title_zh = '移风易俗宣讲' WHERE id = ?", id);
    return id;
  }

  @Test
  void typedCodesAreAnsweredGreenAmberAndRed() {
    long activity = lecture();
    String code =
        Bookings.booked(server, activity, "13811112222", 2)
            .getJsonObject("booking")
            .getString("code");
    String cancelled =
        Bookings.booked(server, activity, Bookings.phone(7), 1)
            .getJsonObject("booking")
            .getString("code");
    Bookings.cancel(server, cancelled);
    try (Browser browser = Browser.open(360, 640)) {
      browser.go(
          server.url("/staff/checkin?activity=" + Ids.activity(activity) + "#token=" + token));
      BookingPageBrowserTest.waitText(browser, ".doing", "移风易俗宣讲");
      assertFalse(browser.driver().getCurrentUrl().contains("token"), "the token left the address");
      assertEquals(token, browser.js("return localStorage.getItem('pm.staffToken')"));

      type(browser, code.substring(0, 5).toLowerCase() + "-" + code.substring(5));
      BookingPageBrowserTest.waitText(browser, ".answer[data-tone=ok]", "签到成功，2 人入场");
      assertTrue(text(browser.driver(), ".answer").contains("2 人 · 李小明"));
      browser.saveScreenshot("checkin-ok");
      assertEquals(
          "CHECKED_IN", data.queryString("SELECT status FROM booking WHERE code = ?", code));

      type(browser, code);
      BookingPageBrowserTest.waitText(browser, ".answer[data-tone=again]", "已于 ");
      browser.saveScreenshot("checkin-again");

      type(browser, cancelled);
      BookingPageBrowserTest.waitText(browser, ".answer[data-tone=no]", "此预约已取消");
      browser.saveScreenshot("checkin-refused");
      assertEquals(3, browser.driver().findElements(By.cssSelector(".recent li")).size());
    }
  }

  @Test
  void aBadTokenAsksForANewOne() {
    long activity = lecture();
    try (Browser browser = Browser.open(360, 640)) {
      browser.go(
          server.url("/staff/checkin?activity=" + Ids.activity(activity) + "#token=pm_wrong"));
      BookingPageBrowserTest.waitText(browser, ".doing", "移风易俗宣讲");
      type(browser, "2345623456");
      BookingPageBrowserTest.waitText(browser, ".answer[data-tone=no]", "令牌无效或已过期");
    }
  }

  @Test
  void theCameraPathReadsATicketUrlChecksInAndTurnsTheCameraOff() {
    long activity = lecture();
    String code =
        Bookings.booked(server, activity, Bookings.phone(9), 1)
            .getJsonObject("booking")
            .getString("code");
    try (Browser browser = Browser.open(360, 640)) {
      ((ChromeDriver) browser.driver())
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_CAMERA));
      browser.go(
          server.url("/staff/checkin?activity=" + Ids.activity(activity) + "#token=" + token));
      BookingPageBrowserTest.waitText(browser, ".doing", "移风易俗宣讲");
      browser.driver().findElement(By.cssSelector("[data-action=scan]")).click();
      browser.waitFor(
          5,
          d ->
              (Boolean)
                  browser.js("return !!document.querySelector('pm-qr-scanner video')?.srcObject"));
      browser.js("window.__codes.push(arguments[0])", server.url("/t/" + code));
      BookingPageBrowserTest.waitText(browser, ".answer[data-tone=ok]", "签到成功");
      assertTrue((Long) browser.js("return window.__detectCalls") > 0);
      assertEquals(
          "CHECKED_IN", data.queryString("SELECT status FROM booking WHERE code = ?", code));
      browser.driver().findElement(By.cssSelector("[data-action=scan]")).click();
      browser.waitFor(5, d -> "ended".equals(browser.js("return window.__track.readyState")));
    }
  }

  /** A stand-in BarcodeDetector that reads from window.__codes, and a canvas for a camera. */
  static final String FAKE_CAMERA =
      "window.__codes = []; window.__detectCalls = 0;"
          + "window.BarcodeDetector = class { constructor(o) { this.o = o; }"
          + "  async detect(source) { window.__detectCalls++;"
          + "    if (!(source instanceof HTMLVideoElement)) throw new Error('not the video');"
          + "    const text = window.__codes.shift(); return text ? [{ rawValue: text, format: 'qr_code' }] : []; } };"
          + "navigator.mediaDevices.getUserMedia = async (c) => {"
          + "  const canvas = document.createElement('canvas'); canvas.width = 64; canvas.height = 64;"
          + "  canvas.getContext('2d').fillRect(0, 0, 32, 32);"
          + "  const stream = canvas.captureStream(5); window.__track = stream.getVideoTracks()[0];"
          + "  return stream; };";

  private static void type(Browser browser, String code) {
    var input = browser.driver().findElement(By.id("code"));
    input.sendKeys(code);
    input.sendKeys(Keys.ENTER);
  }

  private static String text(WebDriver d, String css) {
    return d.findElement(By.cssSelector(css)).getText();
  }
}
