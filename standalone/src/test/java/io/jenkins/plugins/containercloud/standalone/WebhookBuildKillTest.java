package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.TestbedGit;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash in the middle of a code-push build: {@code serve} (a JVM of its own) accepts a signed
 * GitHub push whose Dockerfile build runs long on the testbed's Docker daemon, is killed with
 * SIGKILL while the build step runs, and starts again. The trigger ends once, INTERRUPTED with a
 * reason that says to redeliver; nothing is built again, pushed or deployed, and the history shows
 * the step it stopped in.
 */
class WebhookBuildKillTest {

  private static final String SECRET = "kill-build-secret-3e8a";
  private static final String TOKEN = "kill-build-token-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  @TempDir Path dataHome;
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void killedDuringTheBuild_theTriggerEndsInterruptedOnce_andNothingIsDeployed() throws Exception {
    String name = "kill-" + UUID.randomUUID().toString().substring(0, 8);
    String gitUrl = TestbedGit.newRepository(name);
    // The version file before the long RUN makes the build miss the daemon's cache every time.
    String commit;
    try (Git git = Git.init().setDirectory(dir.resolve("source").toFile()).call()) {
      commit =
          TestbedGit.commitAndPush(
              git,
              gitUrl,
              Map.of(
                  "app/Dockerfile",
                  "FROM %s\nCOPY version.txt /version.txt\nRUN sleep 300\n"
                      .formatted(Testbed.baseImage()),
                  "app/version.txt",
                  name + "\n"),
              "slow build");
    }
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("web", 1, "1", 60);
    String before = workloads.deploymentImage("web");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path config = config(port, name);
    String base = "http://127.0.0.1:" + port;

    CliProcess first = serve(config, "first.log");
    String delivery;
    try {
      CliProcess.awaitReady(http, base);
      HttpResponse<String> answer = push(base, name, gitUrl, commit);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      delivery = JSON.readTree(answer.body()).path("delivery").asText();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> steps(trigger(base, delivery)).contains("build:RUNNING"));
    } finally {
      first.kill();
    }

    CliProcess second = serve(config, "second.log");
    try {
      CliProcess.awaitReady(http, base);
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> !trigger(base, delivery).path("status").asText().equals("RUNNING"));
      JsonNode trigger = trigger(base, delivery);
      assertThat(trigger.path("status").asText()).as(trigger.toString()).isEqualTo("INTERRUPTED");
      assertThat(trigger.path("reason").asText())
          .isEqualTo(
              "the server stopped during the build step; nothing was deployed; redeliver the"
                  + " delivery to build and deploy it");
      assertThat(steps(trigger)).containsExactly("checkout:SUCCEEDED", "build:FAILED");
      assertThat(trigger.at("/steps/1/detail").asText())
          .isEqualTo("interrupted: the server stopped");
      // Claimed under a deployment id, but no rollout was recorded under it or for the delivery.
      String deploymentId = trigger.path("deploymentId").asText();
      assertThat(deploymentId).isNotBlank();
      assertThat(get(base, "/api/v1/deployments/" + deploymentId).statusCode()).isEqualTo(404);
      JsonNode records =
          JSON.readTree(get(base, "/api/v1/deployments?trigger=webhook&limit=1000").body())
              .path("deployments");
      records.forEach(r -> assertThat(r.path("triggeredBy").asText()).isNotEqualTo(delivery));
      assertThat(workloads.deploymentImage("web")).isEqualTo(before);
      JsonNode shown = JSON.readTree(get(base, "/api/v1/webhooks/deliveries/" + delivery).body());
      assertThat(shown.path("status").asText()).isEqualTo("PROCESSED");
      assertThat(shown.path("triggers")).hasSize(1);
      // The restarted server did not start the build again.
      assertThat(second.output()).doesNotContain("its rollout had not started");
    } finally {
      second.kill();
    }
  }

  /** The delivery's first trigger as the API shows it. */
  private JsonNode trigger(String base, String delivery) throws Exception {
    HttpResponse<String> answer = get(base, "/api/v1/webhooks/deliveries/" + delivery);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).at("/triggers/0");
  }

  private static List<String> steps(JsonNode trigger) {
    List<String> steps = new ArrayList<>();
    trigger
        .path("steps")
        .forEach(s -> steps.add(s.path("step").asText() + ":" + s.path("status").asText()));
    return steps;
  }

  private HttpResponse<String> get(String base, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A signed GitHub push of {@code commit} to main. */
  private HttpResponse<String> push(String base, String name, String gitUrl, String commit)
      throws Exception {
    return http.send(
        GitHubPush.request(base + "/hooks/github/gh", name, gitUrl, commit, SECRET).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Path config(int port, String name) throws IOException {
    Files.writeString(dir.resolve("hook"), SECRET);
    Files.writeString(dir.resolve("token"), TOKEN);
    return Files.writeString(
        dir.resolve("server.yaml"),
        CliProcess.serveYaml(port, CLUSTER.kubeconfig())
            + """
            webhooks:
              - name: gh
                source: github
                secret: {file: hook}
                rules:
                  - name: web
                    repository: it/%s
                    branches: main
                    build: {image: %s/it/%s, context: app}
                    target: {cluster: sandbox, namespace: %s, kind: Deployment, name: web}
            """
                .formatted(name, Testbed.registry(), name, CLUSTER.namespace()));
  }

  private CliProcess serve(Path config, String log) throws IOException {
    return CliProcess.start(
        dataHome, dir.resolve(log), List.of("serve", "--config", config.toString()));
  }
}
