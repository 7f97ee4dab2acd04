package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser, written once and run on each target cluster: every page renders
 * the cluster's real data, a rollout started from the page progresses live and succeeds, a
 * never-ready image fails and is rolled back with its reason, History's Rollback button rolls back,
 * a viewer is offered no deploy buttons, and the console stays free of errors — all under the
 * enforcing Content-Security-Policy that every answer carries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DashboardBrowserContract {

  private static final String IMAGE = Workloads.IMAGE;

  private RunningServer server;
  private Browser browser;
  private String deployedId;

  abstract TargetCluster cluster();

  /** The cluster's name in the server's configuration and the screenshots' prefix. */
  abstract String name();

  @BeforeAll
  void start() {
    Workloads workloads = new Workloads(cluster());
    workloads.deployment("shop", 3, "1", 60);
    workloads.replicationController("ledger", 2, "1");
    server =
        new RunningServer(
            cluster(), name(), WebhookServerTest.webhooksYaml(name(), cluster().namespace()));
    browser = new Browser(server.url(""));
    browser.login("deployer");
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void theOverviewAndTheClusterPagesShowTheClustersRealData() {
    browser.route("#/");
    WebElement card =
        browser.waitFor(By.id("cc-cluster-" + name())).findElement(By.xpath("./ancestor::section"));
    int nodes = cluster().client().nodes().list().getItems().size();
    browser.waitForText("section.cc-cluster-card", nodes + " / " + nodes, Duration.ofSeconds(30));
    assertThat(card.getText()).contains("CPU requested", "Memory requested");
    browser.screenshot(name() + "-overview");

    browser.route("#/clusters/" + name() + "/nodes");
    for (Node node : cluster().client().nodes().list().getItems()) {
      browser.waitForText("table", node.getMetadata().getName(), Duration.ofSeconds(30));
    }
    browser.screenshot(name() + "-nodes");

    String ns = cluster().namespace();
    browser.route("#/clusters/" + name() + "/workloads?namespace=" + ns);
    browser.waitForText("table", "shop", Duration.ofSeconds(30));
    browser.waitForText("table", "ledger", Duration.ofSeconds(30));
    browser.screenshot(name() + "-workloads");

    browser.route("#/clusters/" + name() + "/services?namespace=" + ns);
    browser.waitForText("table", "shop", Duration.ofSeconds(30));
    browser.screenshot(name() + "-services");

    browser.route("#/clusters/" + name() + "/pods?namespace=" + ns);
    String pod =
        cluster().client().pods().inNamespace(ns).list().getItems().get(0).getMetadata().getName();
    browser.waitForText("table", pod, Duration.ofSeconds(30));
    browser.screenshot(name() + "-pods");

    browser.route("#/clusters/" + name() + "/events?namespace=" + ns);
    browser.waitForText("table", "Scheduled", Duration.ofSeconds(30));
    browser.screenshot(name() + "-events");
  }

  @Test
  @Order(2)
  void aRolloutStartedFromThePageProgressesLiveAndSucceeds() {
    deployedId = startRollout("shop", IMAGE + ":2", "120");
    browser.waitForText(".cc-badge", "succeeded", Duration.ofSeconds(120));
    int steps =
        RunningServer.json(server.get("/api/v1/rollouts/" + deployedId, server.login("viewer")))
            .get("steps")
            .size();
    assertThat(steps).as("replica steps recorded").isGreaterThan(1);
    // The page was loaded once, right after the start; every later step reached it live.
    assertThat(browser.all(By.cssSelector(".cc-steps-bar"))).hasSize(steps);
    assertThat(image("shop")).isEqualTo(IMAGE + ":2");
    browser.screenshot(name() + "-rollout");
  }

  @Test
  @Order(3)
  void aNeverReadyImageFailsAndIsRolledBackWithItsReasonOnThePage() {
    startRollout("shop", IMAGE + ":3-neverready", "10");
    browser.waitForText(".cc-badge", "rolled back", Duration.ofSeconds(120));
    WebElement reason = browser.waitFor(By.cssSelector(".cc-alert--error"));
    assertThat(reason.getText()).isNotBlank();
    assertThat(image("shop")).isEqualTo(IMAGE + ":2");
    browser.screenshot(name() + "-rollout-rolled-back");

    browser.route("#/rollouts");
    browser.waitForText("table", "rolled back", Duration.ofSeconds(30));
    browser.screenshot(name() + "-rollouts");
  }

  @Test
  @Order(4)
  void historysRollbackButtonRollsBack() {
    browser.route("#/history");
    browser.waitForText("table", "shop", Duration.ofSeconds(30));
    browser.screenshot(name() + "-history");

    browser.route("#/history/" + deployedId);
    browser.waitForText("button", "Roll back", Duration.ofSeconds(30));
    browser.screenshot(name() + "-history-detail");
    browser.click("button", "Roll back");
    WebElement dialog = browser.waitFor(By.cssSelector("dialog[open]"));
    assertThat(dialog.getText()).contains(IMAGE + ":1");
    browser.screenshot(name() + "-rollback-dialog");
    browser.click("dialog[open] .cc-button--danger", "Roll back");
    browser.waitForText("h1", "shop", Duration.ofSeconds(30));
    browser.waitForText(".cc-badge", "succeeded", Duration.ofSeconds(120));
    assertThat(browser.driver().getCurrentUrl()).contains("#/rollouts/");
    assertThat(image("shop")).isEqualTo(IMAGE + ":1");
  }

  @Test
  @Order(5)
  void aViewerIsOfferedNoDeployButtons() {
    try (Browser viewer = new Browser(server.url(""))) {
      viewer.login("viewer");
      viewer.route("#/rollouts");
      viewer.waitForText("h1", "Rollouts", Duration.ofSeconds(30));
      assertThat(viewer.all(By.xpath("//button[contains(., 'Start rollout')]"))).isEmpty();
      viewer.route("#/history/" + deployedId);
      viewer.waitForText("h1", "shop", Duration.ofSeconds(30));
      assertThat(viewer.all(By.xpath("//button[contains(., 'Roll back')]"))).isEmpty();
      viewer.screenshot(name() + "-viewer");
      assertThat(viewer.consoleErrors()).isEmpty();
    }
    // The API refuses the viewer too (DashboardApiTest checks the answer in detail).
    var refused =
        server.post(
            "/api/v1/deployments/" + deployedId + "/rollback", "{}", server.login("viewer"), true);
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  @Order(5)
  void theWebhooksPageListsTheHookAndADeliveryWithWhatItTriggered() {
    WebhookServerTest.deliver(
        server,
        "/hooks/registry/testbed",
        WebhookServerTest.push("browser-1", "9", "sha256:" + "9a".repeat(32)),
        RunningServer.HOOK_SECRET);
    browser.route("#/webhooks");
    browser.waitForText("table", "/hooks/registry/testbed", Duration.ofSeconds(30));
    browser.waitForText("table", "web@sha256:9a9a", Duration.ofSeconds(30));
    browser.screenshot(name() + "-webhooks");
  }

  @Test
  @Order(6)
  void aCodePushsStepLogs_openUnderItsTrigger() throws Exception {
    // A repository that cannot be reached: the checkout fails at once, and its log says why.
    String commit = "c0ffee0000000000000000000000000000000001";
    String delivery =
        RunningServer.json(
                WebhookCodePushTestbedTest.github(
                    server, "code", "app", "git://127.0.0.1:9/app.git", commit))
            .path("delivery")
            .asText();
    // The page reads the deliveries when it opens: open it once the pipeline has ended.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> server.firstTrigger(delivery).path("status").asText().equals("FAILED"));
    browser.route("#/");
    browser.route("#/webhooks");
    browser.waitForText("table", "checkout", Duration.ofSeconds(60));
    browser.click("details.cc-step-logs summary", "Logs");
    WebElement log =
        browser.waitForText(
            "pre.cc-log",
            "fetching refs/heads/main from git://127.0.0.1:9/app.git",
            Duration.ofSeconds(30));
    assertThat(log.getText()).contains("checkout failed: cannot fetch refs/heads/main");
    for (int width : new int[] {1400, 800}) {
      browser.resize(width, 900);
      browser
          .driver()
          .executeScript(
              "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 400)",
              log);
      // The table fits the narrower window: nothing in it is cut off or scrolled sideways.
      Object overflow =
          browser
              .driver()
              .executeScript(
                  "const w = arguments[0].closest('table').parentElement;"
                      + " return w.scrollWidth - w.clientWidth;",
                  log);

      browser.screenshot(name() + "-webhooks-logs-" + width);
      assertThat(((Number) overflow).intValue())
          .as("sideways overflow at %d px", width)
          .isLessThanOrEqualTo(1);
    }
    browser.resize(1366, 900);
  }

  @Test
  @Order(7)
  void theConsoleHasNoErrors() {
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** Fills in the Start rollout form and submits it; returns the new rollout's id. */
  private String startRollout(String workload, String image, String timeoutSeconds) {
    browser.route("#/rollouts");
    browser.click("button", "Start rollout");
    browser.retrying(
        () -> new Select(browser.waitFor(By.id("cc-field-cluster"))).selectByVisibleText(name()));
    type("cc-field-namespace", cluster().namespace());
    browser.retrying(
        () ->
            new Select(browser.waitFor(By.id("cc-field-kind"))).selectByVisibleText("Deployment"));
    type("cc-field-name", workload);
    type("cc-field-image", image);
    browser.click("#cc-start-rollout summary", "Advanced");
    type("cc-field-timeoutSeconds", timeoutSeconds);
    browser.click("#cc-start-rollout button[type=submit]", "Start rollout");
    browser.waitForText("h1", workload, Duration.ofSeconds(30));
    String url = browser.driver().getCurrentUrl();
    assertThat(url).contains("#/rollouts/");
    return url.substring(url.indexOf("#/rollouts/") + "#/rollouts/".length());
  }

  private void type(String id, String text) {
    browser.retrying(
        () -> {
          WebElement field = browser.waitFor(By.id(id));
          field.clear();
          field.sendKeys(text);
        });
    browser.retrying(
        () -> assertThat(browser.waitFor(By.id(id)).getDomProperty("value")).isEqualTo(text));
  }

  private String image(String deployment) {
    return new Workloads(cluster()).deploymentImage(deployment);
  }
}
