package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Scaling page in a real browser under the server's CSP: the pool with its machines, the chart
 * of nodes and pending pods, and the decision log, at desktop and narrow widths; a deployer adds
 * nodes through the dialog and removes a node, a viewer is offered neither.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingPageBrowserTest {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();
  @TempDir static Path dir;
  private static RunningServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = ScalingApiTest.serverWithABatchPool(CLUSTER, dir);
    browser = new Browser(server.url(""));
    browser.login("deployer");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void thePageShowsThePool_theChartOfWhatWasOrdered_andTheDecision() {
    server.postWithToken(
        "/api/v1/scaling/pools/batch/scale-up", "{\"nodes\":2}", RunningServer.TOKEN);
    browser.route("#/scaling");
    browser.waitForText("table", "batch", Duration.ofSeconds(30));
    browser.waitForText("table", "scale up requested", Duration.ofSeconds(30));

    // The page polls every 5 s and the timeline samples every 5 s: the chart needs two samples.
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              WebElement chart = browser.driver().findElement(By.cssSelector(".cc-timeline svg"));
              assertThat(chart.getAttribute("aria-label")).contains("Cluster sandbox from");
              assertThat(
                      browser.driver().findElements(By.cssSelector(".cc-timeline polyline")).size())
                  .isEqualTo(3);
              assertThat(
                      browser
                          .driver()
                          .findElement(By.cssSelector(".cc-timeline figcaption"))
                          .getText())
                  .containsPattern("Machines coming: [12]|Ready nodes: [12]");
            });
    browser.screenshot("scaling-1366");

    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(800, 900));
    Number overflow =
        (Number)
            browser
                .driver()
                .executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    browser.screenshot("scaling-800");
    assertThat(overflow.intValue())
        .as("the page does not scroll sideways at 800 px")
        .isLessThanOrEqualTo(0);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(2)
  void aDeployerAddsANodeThroughTheDialog_afterTheDialogRefusedBadCounts() {
    browser.resize(1400, 900);
    // Whatever an earlier test ordered has been created: the machines are what the page counts.
    await().atMost(Duration.ofSeconds(30)).until(() -> machines().size() == ordered());
    int before = machines().size();
    browser.route("#/scaling");
    browser.waitForText("table", "batch", Duration.ofSeconds(30));

    browser.click("td button", "Add nodes");
    WebElement count = browser.waitFor(By.id("cc-field-nodes"));
    assertThat(browser.driver().switchTo().activeElement()).isEqualTo(count);
    typeCount(count, "0");
    browser.click("dialog[open] button", "Add nodes");
    browser.waitForText(".cc-field-error", "Enter a whole number of nodes, 1 or more.", WAIT);
    typeCount(count, "1.5");
    browser.click("dialog[open] button", "Add nodes");
    browser.waitForText(".cc-field-error", "Enter a whole number of nodes, 1 or more.", WAIT);
    typeCount(count, "9");
    browser.click("dialog[open] button", "Add nodes");
    WebElement tooMany = browser.waitForText(".cc-field-error", "At most ", WAIT);
    assertThat(tooMany.getText())
        .matches("At most \\d: pool batch has \\d machines and a maximum of 3\\.");
    assertThat(count.getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("scaling-add-nodes-invalid-1400");
    assertThat(machines()).as("nothing was ordered").hasSize(before);

    typeCount(count, "1");
    browser.click("dialog[open] button", "Add nodes");
    browser.waitForText(".cc-alert", "Ordered 1 node of pool batch.", WAIT);
    assertThat(browser.all(By.cssSelector("dialog[open]"))).isEmpty();
    assertThat(liveRegion()).isEqualTo("Ordered 1 node of pool batch.");
    await().atMost(Duration.ofSeconds(30)).until(() -> machines().size() == before + 1);
    assertThat(decisions())
        .anySatisfy(
            d -> {
              assertThat(d.path("type").asText()).isEqualTo("SCALE_UP_REQUESTED");
              assertThat(d.path("nodes").asInt()).isEqualTo(1);
              assertThat(d.path("reason").asText()).isEqualTo("asked for by deployer");
            });
    // The page refreshed: the new machine is listed with the others.
    String newest = machines().get(machines().size() - 1).path("machine").asText();
    browser.waitForText("td.cc-machines", newest, WAIT);
    browser.screenshot("scaling-added-1400");
    browser.resize(800, 900);
    browser.screenshot("scaling-added-800");
    assertThat(beyondTheTable(".cc-pool-actions button"))
        .as("Add nodes is in view at 800 px, not scrolled away in the table")
        .isLessThanOrEqualTo(0);
    assertThat(sidewaysScroll())
        .as("the page does not scroll sideways at 800 px")
        .isLessThanOrEqualTo(0);
    browser.resize(1400, 900);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(3)
  void aDeployerRemovesANodeThatJoined_afterConfirming() {
    browser.resize(1400, 900);
    await().atMost(Duration.ofSeconds(30)).until(() -> !machines().isEmpty());
    String machine = machines().get(0).path("machine").asText();
    // The machine joins: its node appears with the pool's label and its provider id.
    CLUSTER.client().nodes().resource(joined(machine)).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> machines().stream().anyMatch(m -> machine.equals(m.path("node").asText())));
    browser.route("#/scaling");
    browser.resize(800, 900);
    browser.waitForText("button[aria-label='Remove node " + machine + "']", "Remove", WAIT);
    browser.screenshot("scaling-remove-800");
    assertThat(beyondTheTable("button[aria-label='Remove node " + machine + "']"))
        .as("Remove is in view at 800 px, not scrolled away in the table")
        .isLessThanOrEqualTo(0);
    assertThat(sidewaysScroll())
        .as("the page does not scroll sideways at 800 px")
        .isLessThanOrEqualTo(0);
    browser.resize(1400, 900);
    browser.click("button[aria-label='Remove node " + machine + "']", "Remove");
    browser.waitForText("dialog[open] h2", "Remove node " + machine + "?", WAIT);
    assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Cancel");
    browser.screenshot("scaling-remove-node-1400");
    browser.click("dialog[open] button", "Remove node");
    browser.waitForText(".cc-alert", "Node " + machine + " of pool batch is draining", WAIT);
    assertThat(browser.all(By.cssSelector("dialog[open]"))).isEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(decisions())
                    .anySatisfy(
                        d -> {
                          assertThat(d.path("type").asText()).isEqualTo("NODE_CORDONED");
                          assertThat(d.path("nodeName").asText()).isEqualTo(machine);
                          assertThat(d.path("reason").asText()).isEqualTo("asked for by deployer");
                        }));
    // The autoscaler drains the empty node, deletes it and terminates its machine.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> machines().stream().noneMatch(m -> machine.equals(m.path("machine").asText())));
    assertThat(CLUSTER.client().nodes().withName(machine).get()).isNull();
    await()
        .atMost(WAIT)
        .until(
            () ->
                decisions().stream()
                    .anyMatch(
                        d ->
                            d.path("type").asText().equals("MACHINE_TERMINATED")
                                && machine.equals(d.path("machineId").asText())));
    // The page follows: the machine leaves the pool's list.
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                browser.all(By.cssSelector("td.cc-machines")).stream()
                    .noneMatch(e -> e.getText().contains(machine)));
    browser.screenshot("scaling-removed-1400");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(4)
  void aViewerSeesThePoolsButNoScalingButtons() {
    try (Browser viewer = new Browser(server.url(""))) {
      viewer.resize(1400, 900);
      viewer.login("viewer");
      viewer.route("#/scaling");
      viewer.waitForText("table", "batch", WAIT);
      viewer.waitForText("td.cc-machines", "vm-", WAIT);
      assertThat(
              viewer.all(By.xpath("//button[contains(., 'Add nodes') or contains(., 'Remove')]")))
          .isEmpty();
      assertThat(viewer.all(By.cssSelector(".cc-pool-actions"))).isEmpty();
      viewer.screenshot("scaling-viewer-1400");
      assertThat(viewer.consoleErrors()).isEmpty();
    }
    // The API refuses the viewer too.
    assertThat(
            server
                .post(
                    "/api/v1/scaling/pools/batch/scale-up",
                    "{\"nodes\":1}",
                    server.login("viewer"),
                    true)
                .statusCode())
        .isEqualTo(403);
  }

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Replaces the dialog's count as a user does: select all, type. */
  private static void typeCount(WebElement input, String text) {
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  /** The batch pool's machines as GET /scaling lists them. */
  private static List<JsonNode> machines() {
    JsonNode view = RunningServer.json(ScalingApiTest.get(server, "/api/v1/scaling"));
    List<JsonNode> machines = new ArrayList<>();
    view.at("/clusters/0/status/pools/0/nodes").forEach(machines::add);
    return machines;
  }

  private static List<JsonNode> decisions() {
    List<JsonNode> all = new ArrayList<>();
    RunningServer.json(ScalingApiTest.get(server, "/api/v1/scaling/decisions"))
        .path("decisions")
        .forEach(all::add);
    return all;
  }

  /** How many machines the scale-ups so far asked for. */
  private static int ordered() {
    return decisions().stream()
        .filter(d -> d.path("type").asText().equals("SCALE_UP_REQUESTED"))
        .mapToInt(d -> d.path("nodes").asInt())
        .sum();
  }

  /** The node a machine of the fake provider becomes when it joins: Ready, labelled, its id. */
  private static Node joined(String machine) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(machine)
        .withLabels(Map.of(NodePool.POOL_LABEL, "batch"))
        .endMetadata()
        .withNewSpec()
        .withProviderID("fake://" + machine)
        .endSpec()
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  private static String liveRegion() {
    return browser
        .driver()
        .findElement(By.cssSelector("[role=status][aria-live]"))
        .getAttribute("textContent")
        .trim();
  }

  /** How far the element sticks out on the right of the pools table's scrolling box, in px. */
  private static double beyondTheTable(String css) {
    return ((Number)
            browser
                .driver()
                .executeScript(
                    "return document.querySelector(arguments[0]).getBoundingClientRect().right"
                        + " - document.querySelector('.cc-table-wrap').getBoundingClientRect().right",
                    css))
        .doubleValue();
  }

  private static long sidewaysScroll() {
    return ((Number)
            browser
                .driver()
                .executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .longValue();
  }
}
