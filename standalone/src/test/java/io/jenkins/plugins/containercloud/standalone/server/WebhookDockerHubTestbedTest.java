package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryAddress;
import io.jenkins.plugins.containercloud.registry.RegistryClient;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the testbed through {@code serve}: an image pushed to the testbed registry, then a
 * Docker Hub delivery for its tag (the secret as the URL's last segment, no digest in the body)
 * rolls the workload out to the digest the registry gives for that tag — asked of the testbed
 * registry that the rule's {@code registry} names — and the delivery's {@code callback_url}, a
 * listener on loopback, is never called.
 */
class WebhookDockerHubTestbedTest {

  @RegisterExtension static final KubeTestbed CLUSTER = new KubeTestbed();

  @TempDir Path work;

  @Test
  void aDockerHubPush_deploysTheTagsDigestFromTheRegistry_andNeverCallsBack() throws Exception {
    String repository = "it/hub-" + UUID.randomUUID().toString().substring(0, 8);
    String registry = Testbed.registry();
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("web", 1, "1", 120);
    AtomicInteger callbacks = new AtomicInteger();
    HttpServer callback =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    callback.createContext(
        "/",
        exchange -> {
          callbacks.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    callback.start();
    String yaml =
        """
        webhooks:
          - name: hub
            source: dockerhub
            secret: {file: hook-secret}
            rules:
              - name: web
                repository: %s
                tags: "v*"
                registry: %s
                target: {cluster: testbed, namespace: %s, kind: Deployment, name: web}
        """
            .formatted(repository, registry, CLUSTER.namespace());
    try (RunningServer server = new RunningServer(CLUSTER, "testbed", yaml)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> server.get("/readyz", null).statusCode() == 200);
      PushedImage pushed =
          WebhookRegistryTestbedTest.push(
              work, ImageReference.parse(registry + "/" + repository + ":v1"));
      String tagged = registry + "/" + repository + ":v1";
      String registryDigest =
          RegistryClient.builder(RegistryAddress.of(registry, false))
              .build()
              .resolve(ImageReference.parse(tagged))
              .digest()
              .orElseThrow();
      assertThat(registryDigest).isEqualTo(pushed.digest());
      String body =
          """
          {"callback_url": "http://127.0.0.1:%d/u/%s/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/",
           "push_data": {"images": [], "pushed_at": 1.765000123e+09, "pusher": "ci", "tag": "v1"},
           "repository": {"repo_name": "%s", "namespace": "it", "name": "%s",
                          "owner": "it", "is_private": true, "status": "Active",
                          "repo_url": "https://hub.docker.com/r/%s"}}
          """
              .formatted(
                  callback.getAddress().getPort(),
                  repository,
                  repository,
                  repository.substring(3),
                  repository);

      HttpResponse<String> answer = deliver(server, body);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      String delivery = json(answer).path("delivery").asText();
      HttpResponse<String> again = deliver(server, body);
      assertThat(json(again).path("status").asText()).isEqualTo("duplicate");

      String expected = registry + "/" + repository + "@" + registryDigest;
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  !server
                      .firstTrigger(delivery)
                      .path("status")
                      .asText()
                      .matches("PENDING|RUNNING"));
      JsonNode trigger = server.firstTrigger(delivery);
      assertThat(trigger.path("status").asText()).as(trigger.toString()).isEqualTo("SUCCEEDED");
      assertThat(trigger.path("image").asText()).isEqualTo(expected);
      assertThat(workloads.deploymentImage("web")).isEqualTo(expected);
      JsonNode record =
          json(server.apiGet("/api/v1/deployments/" + trigger.path("deploymentId").asText()))
              .get("deployment");
      assertThat(record.path("triggeredBy").asText()).isEqualTo(delivery);
      assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
      // The secret of the URL is not in what the API shows of the delivery.
      assertThat(server.apiGet("/api/v1/webhooks/deliveries/" + delivery).body())
          .doesNotContain("hook-secret-5b1e9c");
      assertThat(server.printed()).doesNotContain("hook-secret-5b1e9c");
    } finally {
      callback.stop(0);
    }
    // The delivery is fully processed (rolled out and recorded): nothing called its callback_url.
    assertThat(callbacks.get()).isZero();
  }

  private static HttpResponse<String> deliver(RunningServer server, String body) {
    return server.send(
        HttpRequest.newBuilder(
                URI.create(
                    server.url(
                        "/hooks/dockerhub/hub/" + RunningServer.HOOK_SECRET.replace(" ", "%20"))))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Go-http-client/1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
