package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the {@code deploy}, {@code rollback}, {@code status} and {@code history} commands, end
 * to end on the testbed's control plane, recording into an H2 history under a temporary
 * XDG_DATA_HOME.
 */
class DeployCommandTest {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  @TempDir static Path dataHome;

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void workloads() {
    Workloads workloads = new Workloads(TESTBED);
    workloads.replicationController("cli-rc", 2, "v1");
    workloads.deployment("cli-deploy", 2, "v1", 600);
  }

  @Test
  void deploy_rollsOut_printsProgress_recordsIt_andRollbackRestoresThePreviousImage()
      throws Exception {
    InProcessCli.Result deploy =
        run("deploy", "--rc", "cli-rc", "--image", Workloads.IMAGE + ":v2", "--timeout", "1m");

    assertThat(deploy.code()).as(deploy.err()).isZero();
    assertThat(deploy.out()).startsWith("SUCCEEDED rc/cli-rc in namespace " + TESTBED.namespace());
    assertThat(deploy.err())
        .contains("is not pinned by digest")
        .contains("Created controller cli-rc-")
        .contains("Renaming cli-rc-");

    InProcessCli.Result status = run("status", "--rc", "cli-rc", "-o", "json");
    assertThat(status.code()).as(status.out() + status.err()).isZero();
    JsonNode state = JSON.readTree(status.out());
    assertThat(state.path("images").path("web").asText()).isEqualTo(Workloads.IMAGE + ":v2");
    assertThat(state.path("ready").asInt()).isEqualTo(2);

    InProcessCli.Result rollback = run("rollback", "--rc", "cli-rc", "-o", "json");
    assertThat(rollback.code()).as(rollback.err()).isZero();
    assertThat(JSON.readTree(rollback.out()).path("imageAfter").asText())
        .isEqualTo(Workloads.IMAGE + ":v1");

    InProcessCli.Result history =
        run("history", "--namespace", TESTBED.namespace(), "--workload", "cli-rc", "-o", "json");
    assertThat(history.code()).as(history.err()).isZero();
    JsonNode records = JSON.readTree(history.out());
    assertThat(records).hasSize(2);
    assertThat(records.get(0).path("strategy").asText()).isEqualTo("rollback");
    assertThat(records.get(0).path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(records.get(1).path("imageAfter").asText()).isEqualTo(Workloads.IMAGE + ":v2");
    assertThat(records.get(1).path("trigger").asText()).isEqualTo("cli");
    assertThat(records.get(1).path("parameters").path("maxSurge").asText()).isEqualTo("1");

    InProcessCli.Result events = run("history", "--events", records.get(1).path("id").asText());
    assertThat(events.out()).contains("step").contains("replicas").contains("finished");
    assertThat(Files.list(dataHome.resolve("container-cloud")).toList()).isNotEmpty();
  }

  @Test
  void failedDeployment_exitsOne_withTheReason_andIsRolledBack() throws Exception {
    InProcessCli.Result deploy =
        run(
            "deploy",
            "--deployment",
            "cli-deploy",
            "--image",
            Workloads.IMAGE + ":v2-crashloop",
            "-o",
            "json",
            "-q");

    assertThat(deploy.code()).isEqualTo(1);
    JsonNode result = JSON.readTree(deploy.out());
    assertThat(result.path("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(result.path("reason").asText()).contains("CrashLoopBackOff");
    assertThat(result.path("imageAfter").asText()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(deploy.err()).contains("rollout failed and was rolled back").doesNotContain("Set ");

    InProcessCli.Result history =
        run("history", "--workload", "cli-deploy", "--outcome", "rolled_back");
    assertThat(history.out())
        .contains("rolled_back")
        .contains("CrashLoopBackOff")
        .contains(
            ":v1 -> " + Workloads.IMAGE + ":v1 (requested " + Workloads.IMAGE + ":v2-crashloop)");
  }

  @Test
  void badInput_exitsTwo_withTheFieldNamed_andChangesNothing() {
    InProcessCli.Result badTimeout =
        run("deploy", "--rc", "cli-rc", "--image", Workloads.IMAGE + ":v3", "--timeout", "5x");
    assertThat(badTimeout.code()).isEqualTo(2);
    assertThat(badTimeout.err()).contains("--timeout").contains("write it like 45s, 5m, 1h");

    InProcessCli.Result missing =
        run("deploy", "--rc", "absent", "--image", Workloads.IMAGE + ":v3");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("name: ReplicationController absent not found");

    InProcessCli.Result badImage =
        run("deploy", "--rc", "cli-rc", "--image", "127.0.0.1:5000/Web:v1");
    assertThat(badImage.code()).isEqualTo(2);
    assertThat(badImage.err()).contains("Web");

    InProcessCli.Result twoTargets =
        run(
            "deploy",
            "--rc",
            "cli-rc",
            "--deployment",
            "cli-deploy",
            "--image",
            Workloads.IMAGE + ":v3");
    assertThat(twoTargets.code()).isEqualTo(2);

    InProcessCli.Result badSurge =
        run("deploy", "--rc", "cli-rc", "--image", Workloads.IMAGE + ":v3", "--max-surge", "lots");
    assertThat(badSurge.code()).isEqualTo(2);
    assertThat(badSurge.err()).contains("--max-surge: 'lots'");

    assertThat(
            TESTBED
                .client()
                .replicationControllers()
                .inNamespace(TESTBED.namespace())
                .withName("cli-rc")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .doesNotEndWith(":v3");
  }

  @Test
  void deployManifests_appliesThem_andWaitsForTheDeployment(@TempDir Path dir) throws Exception {
    Path manifest =
        Files.writeString(
            dir.resolve("app.yaml"),
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cli-manifest
        spec:
          replicas: 2
          selector: {matchLabels: {app: cli-manifest}}
          template:
            metadata: {labels: {app: cli-manifest}}
            spec:
              containers:
              - name: web
                image: 127.0.0.1:5000/testbed/web:v1
        """);

    // Options may follow the files.
    InProcessCli.Result first =
        run("deploy", "--manifests", manifest.toString(), "--timeout", "2m");
    InProcessCli.Result second =
        run(
            "deploy",
            "--manifests",
            manifest.toString(),
            "--image",
            Workloads.IMAGE + ":v2",
            "-o",
            "json");

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("Deployment/cli-manifest created").contains("SUCCEEDED");
    assertThat(second.code()).as(second.err()).isZero();
    JsonNode result = JSON.readTree(second.out());
    assertThat(result.path("objects").get(0).path("action").asText()).isEqualTo("configured");
    assertThat(result.path("rollouts").get(0).path("outcome").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void terminatedDeploy_rollsBack_andRecordsTheAbort_beforeExiting() throws Exception {
    new Workloads(TESTBED).replicationController("cli-signal", 2, "v1");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "deploy",
            "--rc",
            "cli-signal",
            "--image",
            Workloads.IMAGE + ":v2-neverready",
            "--timeout",
            "5m",
            "--kubeconfig",
            TESTBED.kubeconfig().toString(),
            "-n",
            TESTBED.namespace());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("XDG_DATA_HOME", dataHome.toString());
    builder.environment().remove("CONTAINER_CLOUD_DB");
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    try (var lines =
        new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.append(line).append('\n');
        if (line.contains("Scaling cli-signal-")) {
          // SIGTERM, as a CI system cancelling the job sends (Process.destroy would also close
          // the streams we read).
          new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        }
      }
    }
    assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES))
        .as(output.toString())
        .isTrue();

    assertThat(output).contains("rolling back: the rollout was aborted");
    assertThat(
            TESTBED
                .client()
                .replicationControllers()
                .inNamespace(TESTBED.namespace())
                .list()
                .getItems())
        .extracting(rc -> rc.getMetadata().getName())
        .noneMatch(name -> name.startsWith("cli-signal-"));
    InProcessCli.Result history = run("history", "--workload", "cli-signal", "-o", "json");
    JsonNode record = JSON.readTree(history.out()).get(0);
    assertThat(record.path("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(record.path("reason").asText()).isEqualTo("the rollout was aborted");
  }

  private InProcessCli.Result run(String... args) {
    List<String> withCluster = new java.util.ArrayList<>(List.of(args));
    if (!args[0].equals("history")) {
      withCluster.addAll(
          List.of("--kubeconfig", TESTBED.kubeconfig().toString(), "-n", TESTBED.namespace()));
    }
    return InProcessCli.run(dataHome, withCluster);
  }
}
