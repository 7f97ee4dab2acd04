package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for write-ahead: a {@code deploy} process commits its rollout's record before its first
 * change to the cluster, so that one killed with SIGKILL at that change is in the history and the
 * run that resumes it marks it INTERRUPTED and names itself.
 */
class KilledDeployTest {

  private static final int ROUNDS = 3;

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  @TempDir Path dataHome;
  @TempDir Path logs;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void killedAtItsFirstChange_isRecorded_andTheRunThatResumesItMarksItInterrupted()
      throws Exception {
    new Workloads(CLUSTER).replicationController("killed", 2, "v1");
    for (int round = 1; round <= ROUNDS; round++) {
      String image = Workloads.IMAGE + ":v" + (round + 1);
      killAtFirstChange(round, image);

      InProcessCli.Result resumed =
          run("deploy", "--rc", "killed", "--image", image, "-o", "json", "-q");

      assertThat(resumed.code()).as(resumed.err()).isZero();
      String resumedId = JSON.readTree(resumed.out()).path("deploymentId").asText();
      JsonNode records = JSON.readTree(run("history", "--workload", "killed", "-o", "json").out());
      assertThat(records).as("round %d: %s", round, records).hasSize(2 * round);
      JsonNode killed = records.get(1);
      assertThat(killed.path("outcome").asText()).as("round %d", round).isEqualTo("INTERRUPTED");
      assertThat(killed.path("imageRequested").asText()).isEqualTo(image);
      assertThat(killed.path("reason").asText()).contains("deployment " + resumedId + " took over");
      assertThat(records.get(0).path("id").asText()).isEqualTo(resumedId);
      assertThat(records.get(0).path("outcome").asText()).isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void whileItsStartWaitsForTheDatabase_theClusterIsNotChanged() throws Exception {
    new Workloads(CLUSTER).replicationController("ahead", 1, "v1");
    try (PostgresSchema schema = PostgresSchema.create()) {
      HistoryStore.open(
              HistoryDatabase.jdbc(
                  schema.url(), Testbed.postgresUser(), Testbed.postgresPassword()))
          .close();
      CompletableFuture<Void> changed = new CompletableFuture<>();
      try (Connection locker =
              DriverManager.getConnection(
                  schema.url(), Testbed.postgresUser(), Testbed.postgresPassword());
          SharedIndexInformer<ReplicationController> informer = firstChange("ahead", changed)) {
        // Reads pass this lock; the rollout's first write (its start) waits for it.
        locker.setAutoCommit(false);
        locker.createStatement().execute("LOCK TABLE deployments IN EXCLUSIVE MODE");
        CliProcess deploy =
            CliProcess.start(
                dataHome,
                logs.resolve("ahead.log"),
                withCluster("deploy", "--rc", "ahead", "--image", Workloads.IMAGE + ":v2"),
                Map.of(
                    "CONTAINER_CLOUD_DB", schema.url(),
                    "CONTAINER_CLOUD_DB_USER", Testbed.postgresUser(),
                    "CONTAINER_CLOUD_DB_PASSWORD", Testbed.postgresPassword()));
        try {
          await()
              .atMost(Duration.ofMinutes(1))
              .until(() -> changed.isDone() || deploy.isInside("Deployments.writeAhead"));
          boolean changedBeforeItsRecord = changed.isDone();
          locker.rollback();

          assertThat(changedBeforeItsRecord)
              .as("the cluster was changed while the rollout's record waited: %s", deploy.output())
              .isFalse();
          assertThat(deploy.exitCode(2)).as(deploy.output()).isZero();
        } finally {
          deploy.kill();
        }
      }
    }
  }

  /** Starts {@code deploy} in a JVM of its own and kills it once it has changed the cluster. */
  private void killAtFirstChange(int round, String image) throws Exception {
    CompletableFuture<Void> changed = new CompletableFuture<>();
    try (SharedIndexInformer<ReplicationController> informer = firstChange("killed", changed)) {
      CliProcess deploy =
          CliProcess.start(
              dataHome,
              logs.resolve("killed-" + round + ".log"),
              withCluster("deploy", "--rc", "killed", "--image", image, "--timeout", "2m"));
      try {
        changed.get(1, TimeUnit.MINUTES);
      } catch (TimeoutException e) {
        throw new AssertionError("round " + round + ": no change seen; " + deploy.output(), e);
      } finally {
        deploy.kill();
      }
    }
  }

  /** Completes {@code changed} at the first change an RC update of {@code name} makes. */
  private static SharedIndexInformer<ReplicationController> firstChange(
      String name, CompletableFuture<Void> changed) {
    return CLUSTER
        .client()
        .replicationControllers()
        .inNamespace(CLUSTER.namespace())
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(ReplicationController rc) {
                check(rc);
              }

              @Override
              public void onUpdate(ReplicationController old, ReplicationController rc) {
                check(rc);
              }

              @Override
              public void onDelete(ReplicationController rc, boolean unknown) {}

              private void check(ReplicationController rc) {
                // The update's first change: the old controller's template is relabelled
                // deployment=<hash>-orig (a finished update leaves deployment=<hash>), or,
                // when it was labelled by an update before, the new controller is created.
                String label =
                    rc.getSpec().getTemplate().getMetadata().getLabels().get("deployment");
                if (label != null && label.endsWith("-orig")
                    || rc.getMetadata().getName().startsWith(name + "-")) {
                  changed.complete(null);
                }
              }
            });
  }

  private static List<String> withCluster(String... args) {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(
        List.of("--kubeconfig", CLUSTER.kubeconfig().toString(), "-n", CLUSTER.namespace()));
    return command;
  }

  private InProcessCli.Result run(String... args) {
    return InProcessCli.run(
        dataHome, args[0].equals("history") ? List.of(args) : withCluster(args));
  }
}
