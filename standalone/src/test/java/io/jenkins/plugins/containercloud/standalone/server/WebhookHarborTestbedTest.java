package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the testbed through {@code serve}: an image pushed to the testbed registry, then
 * Harbor's "Artifact pushed" delivery (Default format, the policy's Auth Header) for it rolls the
 * workload on the testbed's Kubernetes out to its digest; the same delivery again is a duplicate.
 */
class WebhookHarborTestbedTest {

  @RegisterExtension static final KubeTestbed CLUSTER = new KubeTestbed();

  @TempDir Path work;

  @Test
  void anArtifactPushedDelivery_deploysTheDigest_once() throws Exception {
    String repository = "it/harbor-" + UUID.randomUUID().toString().substring(0, 8);
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("web", 1, "1", 120);
    String yaml =
        """
        webhooks:
          - name: harbor
            source: harbor
            secret: {file: hook-secret}
            rules:
              - name: web
                repository: %s
                tags: "v*"
                target: {cluster: testbed, namespace: %s, kind: Deployment, name: web}
        """
            .formatted(repository, CLUSTER.namespace());
    try (RunningServer server = new RunningServer(CLUSTER, "testbed", yaml)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> server.get("/readyz", null).statusCode() == 200);
      String registry = Testbed.registry();
      PushedImage pushed =
          WebhookRegistryTestbedTest.push(
              work, ImageReference.parse(registry + "/" + repository + ":v1"));
      String body =
          """
          {"type": "PUSH_ARTIFACT", "occur_at": 1765000000, "operator": "ci",
           "event_data": {
             "resources": [{"digest": "%s", "tag": "v1", "resource_url": "%s/%s:v1"}],
             "repository": {"name": "%s", "namespace": "it", "repo_full_name": "%s",
                            "repo_type": "private"}}}
          """
              .formatted(
                  pushed.digest(), registry, repository, repository.substring(3), repository);

      HttpResponse<String> answer = deliver(server, body);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      String delivery = json(answer).path("delivery").asText();
      HttpResponse<String> again = deliver(server, body);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
      assertThat(json(again).path("delivery").asText()).isEqualTo(delivery);

      String expected = registry + "/" + repository + "@" + pushed.digest();
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> server.firstTrigger(delivery).path("status").asText().equals("SUCCEEDED"));
      assertThat(workloads.deploymentImage("web")).isEqualTo(expected);
      JsonNode trigger = server.firstTrigger(delivery);
      assertThat(trigger.path("image").asText()).isEqualTo(expected);
      JsonNode record =
          json(server.apiGet("/api/v1/deployments/" + trigger.path("deploymentId").asText()))
              .get("deployment");
      assertThat(record.path("triggeredBy").asText()).isEqualTo(delivery);
      assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
    }
  }

  private static HttpResponse<String> deliver(RunningServer server, String body) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url("/hooks/harbor/harbor")))
            .header("Content-Type", "application/json")
            .header("Authorization", RunningServer.HOOK_SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
