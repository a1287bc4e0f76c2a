package org.practicemap.kiosk;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.practicemap.testing.Browser;

/** The kiosk as a test sees it: waits on the DOM, reads text, decodes QR codes from screenshots. */
final class KioskPage {
  private final Browser browser;

  KioskPage(Browser browser) {
    this.browser = browser;
  }

  Browser browser() {
    return browser;
  }

  /** Waits (bounded) until an element matching {@code css} is displayed, and returns it. */
  WebElement waitShown(int seconds, String css) {
    return browser.waitFor(
        seconds,
        d -> {
          try {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
          } catch (StaleElementReferenceException e) {
            return null; // re-rendered while being read: look again
          }
        });
  }

  /** Waits (bounded) until the first {@code css} element's text contains {@code expected}. */
  String waitText(int seconds, String css, String expected) {
    return browser.waitFor(
        seconds,
        d -> {
          try {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            String text = found.isEmpty() ? "" : found.get(0).getText();
            return text.contains(expected) ? text : null;
          } catch (StaleElementReferenceException e) {
            return null;
          }
        });
  }

  /** Waits until every finite animation has finished (a screenshot mid-fade shows nothing). */
  void settle() {
    browser.waitFor(
        10,
        d ->
            (Boolean)
                browser.js(
                    "return document.getAnimations().every(a =>"
                        + " a.effect.getTiming().iterations === Infinity"
                        + " || a.playState !== 'running')"));
  }

  void waitGone(int seconds, String css) {
    browser.waitFor(
        seconds,
        d -> d.findElements(By.cssSelector(css)).stream().noneMatch(WebElement::isDisplayed));
  }

  void tap(String css) {
    waitShown(10, css).click();
  }

  int count(String css) {
    return browser.driver().findElements(By.cssSelector(css)).size();
  }

  /** Waits until every image of the screen has loaded (the QR codes come as SVG images). */
  void waitImages() {
    browser.waitFor(
        10,
        d ->
            (Boolean)
                browser.js(
                    "return [...document.images].every(i => i.complete && i.naturalWidth > 0)"));
  }

  /** Decodes the QR code shown in {@code css}, read back from a screenshot of the whole screen. */
  String decodeQr(String css) {
    waitImages();
    @SuppressWarnings("unchecked")
    Map<String, Number> r =
        (Map<String, Number>)
            browser.js(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return {x: r.x, y: r.y, w: r.width, h: r.height};",
                waitShown(10, css));
    try {
      BufferedImage shot = ImageIO.read(new ByteArrayInputStream(browser.screenshot()));
      int pad = 24;
      int x = Math.max(0, r.get("x").intValue() - pad);
      int y = Math.max(0, r.get("y").intValue() - pad);
      int w = Math.min(shot.getWidth() - x, r.get("w").intValue() + 2 * pad);
      int h = Math.min(shot.getHeight() - y, r.get("h").intValue() + 2 * pad);
      BufferedImage qr = shot.getSubimage(x, y, w, h);
      int[] pixels = qr.getRGB(0, 0, w, h, null, 0, w);
      var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
      try {
        return new QRCodeReader()
            .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
            .getText();
      } catch (Exception e) {
        ImageIO.write(qr, "png", Browser.SCREENSHOTS.resolve("qr-unreadable.png").toFile());
        throw e;
      }
    } catch (Exception e) {
      throw new AssertionError("No QR code could be read in " + css + ": " + e, e);
    }
  }

  /** Runs axe-core (test-only copy in resources/axe) and returns its serious and critical rules. */
  @SuppressWarnings("unchecked")
  List<String> seriousAccessibilityViolations() {
    if (!Boolean.TRUE.equals(browser.js("return typeof window.axe === 'object'"))) {
      browser.js(resource("/axe/axe.min.js"));
    }
    Object result =
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " axe.run(document, {resultTypes: ['violations']}).then(r => done("
                    + " r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + " .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)"
                    + ".map(n => n.target.join(' ')).join(', '))))"
                    + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /**
   * Visible elements with their own text smaller than {@code px} (SVG labels are pictures, and
   * excluded).
   */
  @SuppressWarnings("unchecked")
  List<String> textSmallerThan(int px) {
    return (List<String>)
        browser.js(
            "const small = [];"
                + " for (const el of document.querySelectorAll('body *')) {"
                + "  if (el.closest('svg') || !el.offsetParent && el.tagName !== 'BODY') continue;"
                + "  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());"
                + "  if (!own) continue;"
                + "  const size = parseFloat(getComputedStyle(el).fontSize);"
                + "  if (size < arguments[0]) small.push(el.tagName + '.' + el.className + ' ' + size"
                + "   + 'px: ' + el.textContent.trim().slice(0, 20)); }"
                + " return small.slice(0, 5);",
            px);
  }

  /** Visible buttons and [role=button] elements smaller than {@code px} in either direction. */
  @SuppressWarnings("unchecked")
  List<String> targetsSmallerThan(int px) {
    return (List<String>)
        browser.js(
            "const small = [];"
                + " for (const el of document.querySelectorAll('button, [role=button], a[href]')) {"
                + "  const r = el.getBoundingClientRect();"
                + "  if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;"
                + "  if (Math.min(r.width, r.height) < arguments[0] - 0.5) small.push("
                + "   (el.getAttribute('aria-label') || el.textContent.trim()).slice(0, 20)"
                + "   + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); }"
                + " return small.slice(0, 5);",
            px);
  }

  boolean fitsTheScreen() {
    return (Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth");
  }

  static String resource(String path) {
    try (InputStream in = KioskPage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
