package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.TestbedGit;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private repository end to end through {@code serve}: the testbed's Git server over HTTP behind
 * Basic auth; a build rule with {@code gitCredentials} (the password from a file) builds and
 * deploys the pushed commit, one with a wrong password fails its checkout saying so, and the
 * password is in neither the server's output nor the deliveries API.
 */
class WebhookPrivateGitTestbedTest {

  @RegisterExtension static final KubeTestbed CLUSTER = new KubeTestbed();

  @TempDir Path work;

  @Test
  void aRuleWithGitCredentials_fetchesThePrivateRepository_andAWrongPasswordIsRefused()
      throws Exception {
    String name = "private-" + UUID.randomUUID().toString().substring(0, 8);
    String pushUrl = TestbedGit.newRepository(name);
    String httpUrl = Testbed.require("TESTBED_GIT_HTTP_URL") + "/" + name + ".git";
    String user = Testbed.require("TESTBED_GIT_HTTP_USER");
    Path passwordFile = Path.of(Testbed.require("TESTBED_GIT_HTTP_PASSWORD_FILE"));
    String password = Files.readString(passwordFile).strip();
    Path wrongFile = Files.writeString(work.resolve("wrong-password"), "wrong-password-9d2e\n");
    String image = Testbed.registry() + "/it/" + name;
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("web", 1, "1", 120);
    String rule =
        """
            rules:
              - name: web
                repository: it/%s
                branches: main
                build:
                  image: %s
                  tag: "{short}"
                  context: app
                  gitUrl: %s
                  gitCredentials: {username: %s, password: {file: %s}}
                  daemonless: {base: "%s", cmd: [sleep, "3600"]}
                target: {cluster: testbed, namespace: %s, kind: Deployment, name: web}
        """;
    String yaml =
        "webhooks:\n"
            + "  - name: gh\n    source: github\n    secret: {file: hook-secret}\n"
            + rule.formatted(
                name,
                image,
                httpUrl,
                user,
                passwordFile.toAbsolutePath(),
                Testbed.baseImage(),
                CLUSTER.namespace())
            + "  - name: wrong\n    source: github\n    secret: {file: hook-secret}\n"
            + rule.formatted(
                name,
                image,
                httpUrl,
                user,
                wrongFile.toAbsolutePath(),
                Testbed.baseImage(),
                CLUSTER.namespace());
    String commit;
    try (Git git = Git.init().setDirectory(work.resolve("source").toFile()).call()) {
      commit = TestbedGit.commitAndPush(git, pushUrl, Map.of("app/version.txt", "1\n"), "one");
    }
    try (RunningServer server = new RunningServer(CLUSTER, "testbed", yaml)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> server.get("/readyz", null).statusCode() == 200);

      HttpResponse<String> answer =
          WebhookCodePushTestbedTest.github(server, "gh", name, pushUrl, commit);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      String delivery = json(answer).path("delivery").asText();
      JsonNode trigger = WebhookCodePushTestbedTest.ended(server, delivery);
      WebhookCodePushTestbedTest.deployed(server, workloads, "web", trigger, image);
      assertThat(trigger.at("/steps/0/detail").asText())
          .isEqualTo("checked out " + commit.substring(0, 12) + " of refs/heads/main");

      answer = WebhookCodePushTestbedTest.github(server, "wrong", name, pushUrl, commit);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      String refused = json(answer).path("delivery").asText();
      trigger = WebhookCodePushTestbedTest.ended(server, refused);
      assertThat(trigger.path("status").asText()).isEqualTo("FAILED");
      assertThat(trigger.path("reason").asText())
          .isEqualTo(
              "checkout failed: cannot fetch refs/heads/main from "
                  + httpUrl
                  + ": the server refused user "
                  + user
                  + " (check the password or token of the rule's build.gitCredentials)");

      String shown =
          server.apiGet("/api/v1/webhooks/deliveries?limit=50").body()
              + server.apiGet("/api/v1/webhooks/hooks").body()
              + server.apiGet("/api/v1/webhooks/deliveries/" + delivery).body()
              + server.apiGet("/api/v1/webhooks/deliveries/" + refused).body()
              + server.apiGet("/api/v1/webhooks/deliveries/" + delivery + "/logs").body()
              + server.apiGet("/api/v1/webhooks/deliveries/" + refused + "/logs").body();
      assertThat(shown).contains("fetching refs/heads/main from " + httpUrl + " with a login");
      for (String secret : new String[] {password, "wrong-password-9d2e"}) {
        assertThat(shown).doesNotContain(secret);
        assertThat(server.printed()).doesNotContain(secret);
      }
    }
  }
}
