package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardCluster;
import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.api.WebhookDeliveries;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Container Cloud pages as Jenkins hosts them, in Debian's headless Chromium: the views' mount
 * elements rendered from the packaged .hpi inside Jenkins' layout with its enforced CSP ({@link
 * JenkinsLayoutServer}), the app loaded from the .hpi's webapp, its JSON from the plugin's {@link
 * DashboardApi} on the in-JVM sandbox cluster. Screenshots go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JenkinsPagesBrowserIT {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;

  private Deployments deployments;
  private Dashboard dashboard;
  private Scaling scaling;
  private WebhookIntake intake;
  private JenkinsLayoutServer jenkins;

  /** The views' values, which the server reads at each page: a test may change who looks. */
  private Map<String, Object> values;

  private ChromeDriver browser;
  private final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    new Workloads(CLUSTER).deployment("shop", 2, "1", 60);
    Clock clock = Clock.systemUTC();
    deployments = Deployments.open(HistoryDatabase.h2File(dir.resolve("history")));
    dashboard =
        new Dashboard(
            List.of(
                new DashboardCluster(
                    ClusterConfig.kubeconfig(
                        "sandbox", CLUSTER.kubeconfig(), null, CLUSTER.namespace()),
                    "sandbox",
                    true,
                    clock)),
            deployments,
            clock);
    dashboard.start();
    scaling = PageFixtures.unconnectedPool();
    intake = PageFixtures.registryHook(deployments.webhooks());
    PageFixtures.pushTeamWeb(intake);
    WebhookDeliveries webhooks = new WebhookDeliveries(deployments.webhooks(), intake);
    values = new HashMap<>(PageViewsIT.JENKINS);
    values.put("it.clusterRoute", "clusters/sandbox");
    // As with the autoscaler and the webhook receiver installed (their DashboardFeatures).
    values.put(
        "it.viewer",
        new PageViewer(
            "alice",
            EnumSet.of(DashboardPermission.VIEW, DashboardPermission.DEPLOY),
            List.of("scaling", "webhooks")));
    jenkins =
        new JenkinsLayoutServer(
            new DashboardApi(() -> dashboard, () -> scaling, () -> webhooks), values);

    assertThat(CHROMEDRIVER).as("Debian's chromium-driver (testbed/up installs it)").isExecutable();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1400,900",
        "--disable-dev-shm-usage",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (jenkins != null) {
      jenkins.close();
    }
    if (intake != null) {
      intake.close();
    }
    if (scaling != null) {
      scaling.close();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (deployments != null) {
      deployments.close();
    }
  }

  @Test
  @Order(1)
  void overview_showsTheCluster_insideJenkinsLayout() throws Exception {
    browser.get(jenkins.url("/container-cloud/"));
    waitFor("#cc-cluster-sandbox", "sandbox");
    assertThat(
            browser.findElement(By.cssSelector("#main-panel #container-cloud-app")).isDisplayed())
        .isTrue();
    waitFor(".cc-live", "Refreshing every 5 s");
    screenshot("jenkins-overview");
  }

  @Test
  @Order(2)
  void clusterPage_opensTheConfiguredCluster_withItsNodes() throws Exception {
    browser.get(jenkins.url("/container-cloud/cluster"));
    assertThat(browser.getCurrentUrl()).endsWith("#/clusters/sandbox");
    waitFor("h1", "sandbox");
    String node = CLUSTER.client().nodes().list().getItems().get(0).getMetadata().getName();
    waitFor("table", node);
    screenshot("jenkins-cluster");
  }

  @Test
  @Order(3)
  void aRolloutStartedOnTheRolloutsPage_postsWithTheCrumb_andSucceedsLive() throws Exception {
    browser.get(jenkins.url("/container-cloud/rollouts"));
    waitFor("h1", "Rollouts");
    click("button", "Start rollout");
    retrying(() -> new Select(waitFor("#cc-field-cluster", "")).selectByVisibleText("sandbox"));
    type("cc-field-namespace", CLUSTER.namespace());
    retrying(() -> new Select(waitFor("#cc-field-kind", "")).selectByVisibleText("Deployment"));
    type("cc-field-name", "shop");
    type("cc-field-image", Workloads.IMAGE + ":2");
    click("#cc-start-rollout button[type=submit]", "Start rollout");
    waitFor("h1", "shop");
    // No event stream in Jenkins: the page learns of the end by polling.
    waitFor(".cc-badge", "succeeded", Duration.ofSeconds(120));
    assertThat(jenkins.refusedPosts()).isZero();
    screenshot("jenkins-rollout");
  }

  @Test
  @Order(4)
  void historyPage_listsTheRollout() throws Exception {
    browser.get(jenkins.url("/container-cloud/history"));
    waitFor("table", "shop");
    screenshot("jenkins-history");
  }

  @Test
  @Order(5)
  void polls_areAnswered304_whenNothingChanged() {
    browser.get(jenkins.url("/container-cloud/history"));
    waitFor("table", "shop");
    int before = jenkins.notModified();
    await().atMost(Duration.ofSeconds(30)).until(() -> jenkins.notModified() > before);
  }

  @Test
  @Order(6)
  void aPostWithoutTheCrumb_isRefused() throws Exception {
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(jenkins.url("/container-cloud/api/v1/rollouts")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  @Order(7)
  void scalingPage_showsThePool() throws Exception {
    browser.get(jenkins.url("/container-cloud/scaling"));
    waitFor("table", "workers");
    // Alice has View and Deploy, not Scale: the page offers no scaling action.
    assertThat(browser.findElements(By.xpath("//button[contains(., 'Add nodes')]"))).isEmpty();
    screenshot("jenkins-scaling");

    // Granted Scale, she gets Add nodes; its POST carries the crumb, and the server's answer (this
    // pool's cluster is not connected) shows in the dialog.
    Object before = values.get("it.viewer");
    browser.get("about:blank"); // no poll of the page while its values change
    values.put(
        "it.viewer",
        new PageViewer(
            "alice",
            EnumSet.of(
                DashboardPermission.VIEW, DashboardPermission.DEPLOY, DashboardPermission.SCALE),
            List.of("scaling", "webhooks")));
    try {
      int refused = jenkins.refusedPosts();
      browser.get(jenkins.url("/container-cloud/scaling"));
      click("td button", "Add nodes");
      click("dialog[open] button", "Add nodes");
      waitFor("dialog[open] .cc-error", "the autoscaler of cluster prod has not started");
      assertThat(jenkins.refusedPosts()).as("the POST had the crumb").isEqualTo(refused);
      screenshot("jenkins-scaling-add-nodes");
      // Chromium logs the 503 this step asks for; it is the only error it may leave.
      consoleErrors.removeIf(
          e -> e.contains("/api/v1/scaling/pools/workers/scale-up") && e.contains(" 503 "));
      click("dialog[open] button", "Cancel");
    } finally {
      browser.get("about:blank");
      values.put("it.viewer", before);
    }
  }

  @Test
  @Order(8)
  void webhooksPage_showsTheHookAndItsDelivery() throws Exception {
    browser.get(jenkins.url("/container-cloud/webhooks"));
    waitFor("#container-cloud-app", "/container-cloud-webhook/registry/main");
    // A job trigger reads as the job Jenkins starts, not as a workload on a cluster.
    waitFor("table", "job team/web/main");
    screenshot("jenkins-webhooks");
  }

  @Test
  @Order(9)
  void everyPage_fitsAnEightHundredPixelWindow() throws Exception {
    // Each page with what proves it rendered its data.
    Map<String, String[]> pages = new LinkedHashMap<>();
    pages.put("overview", new String[] {"", "#cc-cluster-sandbox", "sandbox"});
    pages.put("cluster", new String[] {"cluster", "table", "Ready"});
    pages.put("rollouts", new String[] {"rollouts", "h1", "Rollouts"});
    pages.put("history", new String[] {"history", "table", "shop"});
    pages.put("scaling", new String[] {"scaling", "table", "workers"});
    pages.put("webhooks", new String[] {"webhooks", "table", "job team/web/main"});
    browser.manage().window().setSize(new Dimension(800, 900));
    try {
      for (Map.Entry<String, String[]> page : pages.entrySet()) {
        String[] route = page.getValue();
        browser.get(jenkins.url("/container-cloud/" + route[0]));
        waitFor(route[1], route[2]);
        Number overflow =
            (Number)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "const app = document.getElementById('container-cloud-app');"
                            + " return app.scrollWidth - app.clientWidth;");
        assertThat(overflow.intValue()).as("%s scrolls sideways at 800 px", page.getKey()).isZero();
        screenshot("jenkins-" + page.getKey() + "-800");
      }
    } finally {
      browser.manage().window().setSize(new Dimension(1400, 900));
    }
  }

  @Test
  @Order(10)
  void theConsoleHasNoErrors_soNothingBrokeJenkinsCsp() {
    collectConsole();
    assertThat(consoleErrors).isEmpty();
  }

  private WebElement waitFor(String css, String text) {
    return waitFor(css, text, Duration.ofSeconds(30));
  }

  private WebElement waitFor(String css, String text, Duration timeout) {
    return new WebDriverWait(browser, timeout)
        .ignoring(StaleElementReferenceException.class)
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

  private void click(String css, String text) {
    retrying(() -> waitFor(css, text).click());
  }

  private void type(String id, String text) {
    retrying(
        () -> {
          WebElement field = waitFor("#" + id, "");
          field.clear();
          field.sendKeys(text);
          assertThat(field.getDomProperty("value")).isEqualTo(text);
        });
  }

  /** Does {@code action} again when the page re-rendered under it (polls do). */
  private void retrying(Runnable action) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(AssertionError.class)
        .until(
            d -> {
              action.run();
              return true;
            });
  }

  private void collectConsole() {
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(entry.getMessage());
      }
    }
  }

  private void screenshot(String name) throws Exception {
    collectConsole();
    Files.createDirectories(SCREENSHOTS);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
