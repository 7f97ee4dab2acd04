package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Scaling page in a real browser under the server's CSP: the pool with its machines, the chart
 * of nodes and pending pods, and the decision log, at desktop and narrow widths.
 */
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
}
