package org.practicemap.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code
 * .ci/run} installs) driven through chromedriver. Nothing is downloaded: the binaries are taken
 * from /usr/bin, or from CHROMIUM_BIN and CHROMEDRIVER_BIN.
 */
public final class Browser implements AutoCloseable {
  /**
   * Where screenshots go: {@code server/target/screenshots} on an ordinary run, so tests leave the
   * working tree clean; {@code docs/screenshots} (the ones people look at, committed) with {@code
   * mvn verify -Dscreenshots.update=true}.
   */
  public static final Path SCREENSHOTS =
      Boolean.getBoolean("screenshots.update")
          ? repositoryRoot().resolve("docs/screenshots")
          : repositoryRoot().resolve("server/target/screenshots");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Opens a browser whose viewport is {@code width} × {@code height} CSS pixels. */
  public static Browser open(int width, int height) {
    String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
      throw new IllegalStateException(
          "Browser tests need Chromium: apt-get install -y chromium chromium-driver");
    }
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(chromium)
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--lang=zh-CN",
                "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    Browser browser = new Browser(driver);
    browser.resizeViewport(width, height);
    return browser;
  }

  public WebDriver driver() {
    return driver;
  }

  public Browser go(String url) {
    driver.get(url);
    return this;
  }

  /** Runs JavaScript in the page and returns its result. */
  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits up to {@code seconds} until {@code condition} holds (returns non-null, non-false). */
  public <T> T waitFor(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
  }

  /** Makes the page's viewport exactly this size (the window includes no chrome when headless). */
  public void resizeViewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    Long innerWidth = (Long) js("return window.innerWidth");
    Long innerHeight = (Long) js("return window.innerHeight");
    if (innerWidth != width || innerHeight != height) {
      driver
          .manage()
          .window()
          .setSize(
              new Dimension(
                  2 * width - innerWidth.intValue(), 2 * height - innerHeight.intValue()));
    }
  }

  public byte[] screenshot() {
    return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
  }

  /** Saves a screenshot as {@code <SCREENSHOTS>/<name>.png} and returns its path. */
  public Path saveScreenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, screenshot());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("schema.graphqls"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Run the tests inside the repository");
    }
    return dir;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
