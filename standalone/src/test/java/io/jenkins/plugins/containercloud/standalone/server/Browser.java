package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (nothing is downloaded): logs in,
 * finds elements, waits, keeps screenshots as test artefacts and collects the console's errors.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String base;
  private final List<String> consoleErrors = new ArrayList<>();

  Browser(String base) {
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver (testbed/up installs it)").isExecutable();
    this.base = base;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1366,900",
        "--disable-dev-shm-usage",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  void login(String user) {
    open("/login");
    driver.findElement(By.name("username")).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys(RunningServer.PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    waitFor(By.cssSelector("#container-cloud-app nav"));
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** Goes to a hash route of the app, e.g. {@code #/history}. */
  void route(String hash) {
    driver.executeScript("window.location.hash = arguments[0]", hash.substring(1));
  }

  WebElement waitFor(By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits until an element whose text contains {@code text} is shown. */
  WebElement waitForText(String css, String text, Duration timeout) {
    return new WebDriverWait(driver, timeout)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              for (WebElement e : d.findElements(By.cssSelector(css))) {
                if (e.isDisplayed() && e.getText().contains(text)) {
                  return e;
                }
              }
              return null;
            });
  }

  /**
   * Clicks the shown element matching {@code css} whose text contains {@code text}; a page that
   * re-renders meanwhile (live updates do) is retried rather than failed.
   */
  void click(String css, String text) {
    retrying(() -> waitForText(css, text, Duration.ofSeconds(30)).click());
  }

  /**
   * Does {@code action} again when the page re-rendered the element under it (live updates and
   * loaded data do).
   */
  void retrying(Runnable action) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(AssertionError.class)
        .until(
            d -> {
              action.run();
              return true;
            });
  }

  List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Resizes the window, to see a page as a narrower or wider screen shows it. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** Saves a screenshot as a test artefact (and into {@code docs/images} when asked to). */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      String docs = System.getProperty("docs.screenshots");
      if (docs != null && !docs.isBlank()) {
        Files.createDirectories(Path.of(docs));
        Files.copy(
            shot.toPath(), Path.of(docs, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The console's errors so far (CSP violations included), collected across pages. */
  List<String> consoleErrors() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(entry.getMessage());
      }
    }
    return consoleErrors;
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
