package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryAddress;
import io.jenkins.plugins.containercloud.registry.RegistryClient;
import io.jenkins.plugins.containercloud.standalone.GitHubPush;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.TestbedGit;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * End to end on the testbed: a commit pushed to the testbed's Git server, then a signed GitHub push
 * delivery and a GitLab push delivery to {@code serve}, which checks the commit out, builds it
 * through the testbed's Docker daemon, pushes it to the testbed registry and rolls the workload on
 * the testbed's Kubernetes out to it by digest, recording each step; a commit that does not build
 * records the failed step and deploys nothing.
 */
class WebhookCodePushTestbedTest {

  @RegisterExtension static final KubeTestbed CLUSTER = new KubeTestbed();

  @TempDir Path work;

  @Test
  void codePushes_areBuiltPushedAndDeployedByDigest_andAFailedBuildDeploysNothing()
      throws Exception {
    String name = "code-" + UUID.randomUUID().toString().substring(0, 8);
    String gitUrl = TestbedGit.newRepository(name);
    String image = Testbed.registry() + "/it/" + name;
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("web", 1, "1", 120);
    workloads.deployment("api", 1, "1", 120);
    String rule =
        """
            rules:
              - name: web
                repository: it/%s
                branches: main
                build: {image: %s, tag: "{short}", context: app}
                target: {cluster: testbed, namespace: %s, kind: Deployment, name: web}
        """
            .formatted(name, image, CLUSTER.namespace());
    String yaml =
        "webhooks:\n"
            + "  - name: gh\n    source: github\n    secret: {file: hook-secret}\n"
            + rule
            + "  - name: gl\n    source: gitlab\n    secret: {file: hook-secret}\n"
            + rule
            // Daemonless: Jib puts the context at /app on the base image and pushes as it builds.
            + "  - name: jib\n    source: github\n    secret: {file: hook-secret}\n"
            + rule.replace(
                    "context: app}",
                    "context: app, daemonless: {base: \"%s\", cmd: [sleep, \"3600\"]}}"
                        .formatted(Testbed.baseImage()))
                .replace("name: web}", "name: api}");
    try (Git source = Git.init().setDirectory(work.resolve("source").toFile()).call();
        RunningServer server = new RunningServer(CLUSTER, "testbed", yaml)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> server.get("/readyz", null).statusCode() == 200);

      // GitHub: a signed push delivery.
      String first = commit(source, gitUrl, "FROM %s\nCOPY version.txt /app/version.txt\n", "1");
      HttpResponse<String> answer = github(server, "gh", name, gitUrl, first);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      JsonNode trigger = ended(server, json(answer).path("delivery").asText());
      String firstImage = deployed(server, workloads, "web", trigger, image);
      assertThat(steps(trigger)).containsExactly("checkout", "build", "push", "deploy");
      // Each step's output is kept: the checkout's fetch, the daemon's build output, the push.
      JsonNode logs =
          json(
              server.apiGet(
                  "/api/v1/webhooks/deliveries/"
                      + json(answer).path("delivery").asText()
                      + "/logs"));
      assertThat(logs.findValuesAsText("step")).containsExactly("checkout", "build", "push");
      assertThat(logs.at("/logs/0/log").asText())
          .contains("fetching refs/heads/main from " + gitUrl);
      assertThat(logs.at("/logs/1/log").asText()).contains("version.txt");
      assertThat(trigger.at("/steps/1/logChars").asInt())
          .isEqualTo(logs.at("/logs/1/log").asText().length());

      // GitLab: the next commit, a token-authenticated Push Hook.
      String second = commit(source, gitUrl, "FROM %s\nCOPY version.txt /app/version.txt\n", "2");
      answer = gitlab(server, name, gitUrl, second);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      trigger = ended(server, json(answer).path("delivery").asText());
      String secondImage = deployed(server, workloads, "web", trigger, image);
      assertThat(secondImage).isNotEqualTo(firstImage);
      assertThat(trigger.at("/steps/0/detail").asText()).contains(second.substring(0, 12));

      // The same commit built without a daemon, for another workload.
      answer = github(server, "jib", name, gitUrl, second);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      trigger = ended(server, json(answer).path("delivery").asText());
      deployed(server, workloads, "api", trigger, image);
      assertThat(trigger.at("/steps/1/detail").asText()).startsWith("built and pushed " + image);

      // A commit whose build fails: the build step records why, nothing is pushed or deployed.
      String broken = commit(source, gitUrl, "FROM %s\nRUN exit 3\n", "3");
      answer = github(server, "gh", name, gitUrl, broken);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      trigger = ended(server, json(answer).path("delivery").asText());
      assertThat(trigger.path("status").asText()).isEqualTo("FAILED");
      assertThat(trigger.path("reason").asText()).startsWith("build failed: ");
      // Claimed under a deployment id, but no deployment was recorded under it.
      assertThat(trigger.path("deploymentId").asText()).isNotBlank();
      assertThat(steps(trigger)).containsExactly("checkout", "build");
      assertThat(trigger.at("/steps/1/status").asText()).isEqualTo("FAILED");
      assertThat(trigger.at("/steps/1/detail").asText())
          .doesNotContain("\n")
          .doesNotContain("Exception");
      assertThat(workloads.deploymentImage("web")).isEqualTo(secondImage);
      assertThat(
              server
                  .apiGet("/api/v1/deployments/" + trigger.path("deploymentId").asText())
                  .statusCode())
          .isEqualTo(404);
    }
  }

  /** Checks the trigger succeeded, deployed the pushed digest and was recorded; returns it. */
  static String deployed(
      RunningServer server, Workloads workloads, String workload, JsonNode trigger, String image) {
    assertThat(trigger.path("status").asText()).as(trigger.toString()).isEqualTo("SUCCEEDED");
    String pinned = trigger.path("image").asText();
    assertThat(pinned).startsWith(image + "@sha256:");
    assertThat(workloads.deploymentImage(workload)).isEqualTo(pinned);
    String tag = image + ":" + trigger.at("/steps/0/detail").asText().split(" ")[2];
    assertThat(
            RegistryClient.builder(RegistryAddress.of(Testbed.registry(), false))
                .build()
                .resolve(ImageReference.parse(tag))
                .digest()
                .orElseThrow())
        .isEqualTo(pinned.substring(pinned.indexOf('@') + 1));
    for (JsonNode step : trigger.path("steps")) {
      assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("SUCCEEDED");
      assertThat(step.path("durationMs").isNumber()).isTrue();
    }
    JsonNode record =
        json(server.apiGet("/api/v1/deployments/" + trigger.path("deploymentId").asText()))
            .get("deployment");
    assertThat(record.path("trigger").asText()).isEqualTo("webhook");
    assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
    return pinned;
  }

  private static List<String> steps(JsonNode trigger) {
    List<String> names = new ArrayList<>();
    trigger.path("steps").forEach(s -> names.add(s.path("step").asText()));
    return names;
  }

  /** The delivery's first trigger once it has ended. */
  static JsonNode ended(RunningServer server, String delivery) {
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              String status = server.firstTrigger(delivery).path("status").asText();
              return !status.equals("PENDING") && !status.equals("RUNNING");
            });
    return server.firstTrigger(delivery);
  }

  /** Commits an app (its Dockerfile in app/) and pushes it to main; returns the commit id. */
  private static String commit(Git git, String url, String dockerfile, String version)
      throws Exception {
    return TestbedGit.commitAndPush(
        git,
        url,
        Map.of(
            "app/Dockerfile",
            dockerfile.formatted(Testbed.baseImage()),
            "app/version.txt",
            version + "\n"),
        "version " + version);
  }

  static HttpResponse<String> github(
      RunningServer server, String hook, String name, String gitUrl, String commit) {
    return server.send(
        GitHubPush.request(
            server.url("/hooks/github/" + hook), name, gitUrl, commit, RunningServer.HOOK_SECRET));
  }

  private static HttpResponse<String> gitlab(
      RunningServer server, String name, String gitUrl, String commit) {
    String body =
        """
        {"object_kind": "push", "ref": "refs/heads/main", "before": "%s", "after": "%s",
         "checkout_sha": "%s",
         "project": {"path_with_namespace": "it/%s", "git_http_url": "%s"}}
        """
            .formatted("0".repeat(40), commit, commit, name, gitUrl);
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url("/hooks/gitlab/gl")))
            .header("Content-Type", "application/json")
            .header("X-Gitlab-Event", "Push Hook")
            .header("X-Gitlab-Token", RunningServer.HOOK_SECRET)
            .header("X-Gitlab-Webhook-UUID", UUID.randomUUID().toString())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
