package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Tests for the scaling routes of {@link DashboardServer}, with a pool of the command provider. */
class ScalingApiTest {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();
  @TempDir static Path dir;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = serverWithABatchPool(CLUSTER, dir);
  }

  /**
   * A server on {@code cluster} with one pool, "batch", of the command provider (a script that
   * keeps its machines in {@code dir}/machines.json), its autoscaler running.
   */
  static RunningServer serverWithABatchPool(SandboxCluster cluster, Path dir) throws Exception {
    Path script = dir.resolve("fake-provider.py");
    try (InputStream in =
        ScalingApiTest.class.getResourceAsStream(
            "/io/jenkins/plugins/containercloud/scale/fake-provider.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("join-token"), "abcdef.0123456789abcdef\n");
    RunningServer started =
        new RunningServer(
            cluster,
            "sandbox",
            """
            nodePools:
              - name: batch
                provider: {type: command, command: %s}
                template: {cpu: "2", memory: 4Gi, pods: 110, labels: {tier: batch}, instanceType: vm.large, image: img-1}
                min: 0
                max: 3
                maxNodesPerScaleUp: 2
                scaleDownDelay: 1m
                maxProvisionTime: 10m
                bootstrap:
                  userData: |
                    #!/bin/sh
                    ${joinCommand}
                  joinCommand: kubeadm join 10.0.0.1:6443 --token ${token} --node-labels=${nodeLabels}
                  joinToken: {file: %s}
            """
                .formatted(script, dir.resolve("join-token")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get(started, "/api/v1/scaling").body().contains("\"running\":true"));
    return started;
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> get(String path) {
    return get(server, path);
  }

  static HttpResponse<String> get(RunningServer server, String path) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Authorization", "Bearer " + RunningServer.TOKEN)
            .GET());
  }

  @Test
  void scaleUpByHand_ordersMachines_showsThem_andRecordsTheDecision() throws Exception {
    HttpResponse<String> ordered =
        server.postWithToken(
            "/api/v1/scaling/pools/batch/scale-up", "{\"nodes\":2}", RunningServer.TOKEN);

    assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/v1/scaling").body().contains("\"upcoming\":2"));
    String decisions = get("/api/v1/scaling/decisions").body();
    assertThat(decisions)
        .contains("SCALE_UP_REQUESTED")
        .contains("SCALE_UP_CREATED")
        .contains("asked for by ci");
    // The machines' user data carries the token; no answer of the API does.
    assertThat(Files.readString(dir.resolve("machines.json")))
        .contains("--token abcdef.0123456789abcdef");
    assertThat(get("/api/v1/scaling").body() + decisions).doesNotContain("0123456789abcdef");
    // The chart's timeline samples every 5 s; one of them sees the two machines coming or ready.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get("/api/v1/scaling")
                    .body()
                    .matches("(?s).*\"timeline\":\\[.*\"(ready|upcoming)\":2.*\\].*"));
  }

  @Test
  void unknownPoolsAndBadCounts_areRefusedWithTheField() {
    HttpResponse<String> unknown =
        server.postWithToken(
            "/api/v1/scaling/pools/nope/scale-up", "{\"nodes\":1}", RunningServer.TOKEN);
    HttpResponse<String> zero =
        server.postWithToken(
            "/api/v1/scaling/pools/batch/scale-up", "{\"nodes\":0}", RunningServer.TOKEN);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no node pool nope is configured");
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(zero.body()).contains("nodes");
  }

  @Test
  void upgrade_isAccepted_recorded_andFinishesAtOnceWithoutOutdatedReadyNodes() {
    HttpResponse<String> unknown =
        server.postWithToken("/api/v1/scaling/pools/nope/upgrade", "{}", RunningServer.TOKEN);
    HttpResponse<String> started =
        server.postWithToken("/api/v1/scaling/pools/batch/upgrade", "{}", RunningServer.TOKEN);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no node pool nope is configured");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(started.body())
        .contains("\"pool\":\"batch\"")
        .containsPattern("\"revision\":\"[0-9a-f]{12}\"");
    // The command provider's machines never become Ready nodes here: nothing is outdated.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/v1/scaling/decisions").body().contains("UPGRADE_FINISHED"));
    assertThat(get("/api/v1/scaling/decisions").body()).contains("UPGRADE_STARTED");
  }
}
