package dev.podsearch.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts Debian's headless Chromium for browser tests, never a downloaded one.
 *
 * <p>Without Chromium (a developer's machine) the tests skip; under {@code CI=true} a missing browser is an error, so
 * that CI cannot pass by testing nothing.
 */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Chromium() {}

  /** A fresh headless browser with a desktop-sized window; skips the test (or fails under CI) without Chromium. */
  static ChromeDriver start() {
    boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but Chromium is missing: apt-get install -y chromium chromium-driver");
    }
    assumeTrue(present, "Chromium not installed (" + BINARY + ", " + DRIVER + "): skipping browser tests");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--force-device-scale-factor=1", "--lang=en-GB");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL); // so tests can read CSP violations and uncaught errors from the console
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
    desktop(driver);
    return driver;
  }

  /** A laptop-sized window. */
  static void desktop(WebDriver driver) {
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  /** A phone-sized window (390 px wide, as an iPhone 12-15). */
  static void phone(WebDriver driver) {
    driver.manage().window().setSize(new Dimension(390, 844));
  }

  /** Saves the whole page (up to 4000 px tall) as {@code target/screenshots/NAME.png}, for people to look at. */
  static Path screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.write(target, Base64.getDecoder().decode(fullPage(driver)));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save screenshot " + name, e);
    }
  }

  // Selenium's own screenshot stops at the viewport; Chrome's DevTools call can capture the page beyond it
  private static String fullPage(ChromeDriver driver) {
    Object size = driver.executeScript(
        "return [document.documentElement.clientWidth, Math.min(4000, document.documentElement.scrollHeight)]");
    List<?> wh = (List<?>) size;
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", wh.get(0), "height", wh.get(1), "scale", 1);
    Map<String, Object> shot = driver.executeCdpCommand(
        "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    return (String) shot.get("data");
  }
}
