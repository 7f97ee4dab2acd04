package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.standalone.server.ServerConfig;
import io.jenkins.plugins.containercloud.standalone.server.ServerRuntime;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ScaleCommand} against a running serve with a command-provider pool. */
class ScaleCommandTest {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();
  @TempDir static Path dir;
  private static ServerRuntime server;
  private static final String TOKEN = "scale-token-0123456789abcdefghijkl";

  @BeforeAll
  static void start() throws Exception {
    Path script = dir.resolve("fake-provider.py");
    try (InputStream in =
        ScaleCommandTest.class.getResourceAsStream(
            "/io/jenkins/plugins/containercloud/scale/fake-provider.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("token"), TOKEN);
    Path config =
        Files.writeString(
            dir.resolve("server.yaml"),
            """
            server: {host: 127.0.0.1, port: 0}
            clusters:
              - {name: sandbox, kubeconfig: %s}
            apiTokens:
              - {name: ci, role: deployer, token: {file: token}}
            nodePools:
              - name: batch
                provider: {type: command, command: %s}
                template: {cpu: "2", memory: 4Gi, instanceType: vm.large, image: img-1}
                max: 2
                bootstrap: {userData: "#!/bin/sh\\n"}
            """
                .formatted(CLUSTER.kubeconfig().toAbsolutePath(), script));
    server =
        ServerRuntime.start(
            ServerConfig.read(config, Map.of()),
            NodePoolsConfig.read(config, "sandbox"),
            false,
            dir.resolve("data"),
            new PrintWriter(new StringWriter()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Waits until the pool's autoscaler runs (its pools are listed before, as not connected). */
  private void awaitTheAutoscaler() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String status = scale("status").out();
              return status.contains("pool batch (command)")
                  && !status.contains("not connected yet");
            });
  }

  private InProcessCli.Result scale(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("scale"));
    all.addAll(List.of(args));
    all.addAll(List.of("--server", "http://127.0.0.1:" + server.port()));
    return InProcessCli.run(dir.resolve("home"), all, Map.of("CONTAINER_CLOUD_TOKEN", TOKEN));
  }

  @Test
  void upThenStatus_showTheOrderedMachines() {
    awaitTheAutoscaler();

    InProcessCli.Result up = scale("up", "--pool", "batch", "--nodes", "1");

    assertThat(up.code()).as(up.err()).isZero();
    assertThat(up.out()).contains("ordered 1 nodes of pool batch");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> scale("status").out().contains("0 ready, 1 coming"));
    assertThat(scale("status", "-o", "json").out())
        .contains("\"decisions\"")
        .contains("SCALE_UP_CREATED");
  }

  @Test
  void anUnknownPool_exitsWithBadInput_andTheServersSentence() {
    InProcessCli.Result down = scale("down", "--pool", "nope", "--node", "n1");

    assertThat(down.code()).isEqualTo(2);
    assertThat(down.err()).contains("no node pool nope is configured");
  }

  @Test
  void aPoolNameThatIsAPath_reachesTheServerAsOnePoolName_andIsRefused() {
    InProcessCli.Result up = scale("up", "--pool", "../../deployments", "--nodes", "1");

    assertThat(up.code()).as(up.out()).isEqualTo(2);
    assertThat(up.out()).doesNotContain("ordered");
    assertThat(up.err()).contains("no node pool ../../deployments is configured");
  }

  @Test
  void upgrade_startsTheRollingUpgrade_andAnswersJson_anUnknownPoolIsBadInput() throws Exception {
    awaitTheAutoscaler();

    InProcessCli.Result text = scale("upgrade", "--pool", "batch");
    InProcessCli.Result json = scale("upgrade", "--pool", "batch", "-o", "json");
    InProcessCli.Result unknown = scale("upgrade", "--pool", "nope");

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("pool batch").contains("template revision");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out())
                .path("pool")
                .asText())
        .isEqualTo("batch");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no node pool nope is configured");
  }
}
