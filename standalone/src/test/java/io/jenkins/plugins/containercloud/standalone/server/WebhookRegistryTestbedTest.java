package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.TestImages;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the testbed: an image pushed (by Jib, a real client) to the testbed's notifying
 * registry makes the registry POST its notification to {@code serve}, which verifies it, stores it,
 * and rolls the workload on the testbed's Kubernetes out to the pushed digest.
 */
class WebhookRegistryTestbedTest {

  @RegisterExtension static final KubeTestbed CLUSTER = new KubeTestbed();

  @TempDir Path work;

  @Test
  void aRealPush_deploysThePushedDigest() throws Exception {
    String registry = Testbed.require("TESTBED_NOTIFY_REGISTRY");
    int port = Integer.parseInt(Testbed.require("TESTBED_NOTIFY_WEBHOOK_PORT"));
    String repository = "it/hook-" + UUID.randomUUID().toString().substring(0, 8);
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("web", 1, "1", 120);
    String yaml =
        """
        webhooks:
          - name: %s
            source: registry
            secret: {file: %s}
            rules:
              - name: web
                repository: %s
                tags: "v*"
                target: {cluster: testbed, namespace: %s, kind: Deployment, name: web}
        """
            .formatted(
                Testbed.require("TESTBED_NOTIFY_HOOK"),
                Testbed.require("TESTBED_NOTIFY_SECRET_FILE"),
                repository,
                CLUSTER.namespace());
    try (RunningServer server = new RunningServer(CLUSTER, "testbed", yaml, port)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> server.get("/readyz", null).statusCode() == 200);

      PushedImage pushed = push(work, ImageReference.parse(registry + "/" + repository + ":v1"));
      String expected = registry + "/" + repository + "@" + pushed.digest();

      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> expected.equals(workloads.deploymentImage("web")));
      JsonNode delivery = deliveryFor(server, repository);
      assertThat(delivery.path("verification").asText()).isEqualTo("VERIFIED");
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  deliveryFor(server, repository)
                      .at("/triggers/0/status")
                      .asText()
                      .equals("SUCCEEDED"));
      JsonNode trigger = deliveryFor(server, repository).at("/triggers/0");
      assertThat(trigger.path("image").asText()).isEqualTo(expected);
      JsonNode record =
          json(api(server, "/api/v1/deployments/" + trigger.path("deploymentId").asText()))
              .get("deployment");
      assertThat(record.path("trigger").asText()).isEqualTo("webhook");
      assertThat(record.path("triggeredBy").asText()).isEqualTo(delivery.path("id").asText());
      assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
    }
  }

  /** The accepted delivery that names the repository (blob pushes arrive as ignored ones). */
  private static JsonNode deliveryFor(RunningServer server, String repository) {
    for (JsonNode d :
        json(api(server, "/api/v1/webhooks/deliveries?limit=500")).get("deliveries")) {
      if (d.path("triggers").size() > 0 && d.toString().contains(repository)) {
        return d;
      }
    }
    return json(api(server, "/api/v1/webhooks/deliveries?limit=1")).path("none");
  }

  /** Pushes a one-file image on the testbed's base image with Jib, a real registry client. */
  static PushedImage push(Path work, ImageReference target) throws Exception {
    return TestImages.push(work, target);
  }

  private static java.net.http.HttpResponse<String> api(RunningServer server, String path) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Authorization", "Bearer " + RunningServer.TOKEN)
            .GET());
  }
}
