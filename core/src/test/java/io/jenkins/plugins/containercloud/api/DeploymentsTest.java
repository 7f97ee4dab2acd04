package io.jenkins.plugins.containercloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryQuery;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.Outcome;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.rollout.RolloutOutcome;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.RolloutRequest;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link Deployments}: what the façade records around the engine, on the sandbox. */
class DeploymentsTest {

  @RegisterExtension static final SandboxCluster SANDBOX = new SandboxCluster();

  @TempDir Path data;

  @Test
  void deploy_recordsTheRolloutAndItsEvents_andRollbackRestoresTheImageBeforeIt() {
    new Workloads(SANDBOX).deployment("recorded", 2, "v1", 600);
    try (Cluster cluster = connect();
        Deployments deployments = Deployments.open(HistoryDatabase.h2File(data.resolve("h")))) {
      DeploymentReport deployed =
          deployments.deploy(
              cluster, request("recorded", "v2"), Trigger.build("https://ci/job/7/"), e -> {});
      DeploymentReport rolledBack =
          deployments.rollback(cluster, target("recorded"), fast(), Trigger.user("alice"), e -> {});

      assertThat(deployed.result().outcome()).isEqualTo(RolloutOutcome.SUCCEEDED);
      assertThat(rolledBack.result().imageAfter()).isEqualTo(Workloads.IMAGE + ":v1");
      DeploymentRecord record = deployments.history(HistoryQuery.all()).get(1);
      assertThat(record.id()).isEqualTo(deployed.deploymentId());
      assertThat(record.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(record.trigger()).isEqualTo(Trigger.build("https://ci/job/7/"));
      assertThat(record.imageBefore()).isEqualTo(Workloads.IMAGE + ":v1");
      assertThat(record.imageAfter()).isEqualTo(Workloads.IMAGE + ":v2");
      assertThat(deployments.events(deployed.deploymentId()))
          .extracting(e -> e.type())
          .contains("step", "replicas", "finished");
      assertThat(deployments.history(HistoryQuery.all()).get(0).strategy()).isEqualTo("rollback");
    }
  }

  @Test
  void aFailedDeploy_recordsTheImageItTried_besideTheImageItWentBackTo() {
    new Workloads(SANDBOX).replicationController("tried", 1, "v1");
    try (Cluster cluster = connect();
        Deployments deployments = Deployments.open(HistoryDatabase.h2File(data.resolve("h")))) {
      RolloutRequest request =
          new RolloutRequest(
              new WorkloadTarget(
                  SANDBOX.namespace(), WorkloadKind.REPLICATION_CONTROLLER, "tried", null),
              ImageReference.parse(Workloads.IMAGE + ":v2-crashloop"),
              fast(),
              "test");

      DeploymentReport failed = deployments.deploy(cluster, request, Trigger.cli("bob"), e -> {});

      assertThat(failed.result().outcome()).isEqualTo(RolloutOutcome.ROLLED_BACK);
      DeploymentRecord record = deployments.history(HistoryQuery.all()).get(0);
      assertThat(record.imageBefore()).isEqualTo(Workloads.IMAGE + ":v1");
      assertThat(record.imageAfter()).isEqualTo(Workloads.IMAGE + ":v1");
      assertThat(record.imageRequested()).isEqualTo(Workloads.IMAGE + ":v2-crashloop");
    }
  }

  @Test
  void aRecordLeftRunningByAStoppedProcess_isMarkedInterrupted_byTheNextRolloutOfItsWorkload() {
    new Workloads(SANDBOX).deployment("abandoned", 1, "v1", 600);
    Path file = data.resolve("h");
    String abandoned = DeploymentRecord.newId();
    try (HistoryStore store = HistoryStore.open(HistoryDatabase.h2File(file))) {
      store.started(
          DeploymentRecord.builder()
              .id(abandoned)
              .cluster("sandbox")
              .namespace(SANDBOX.namespace())
              .kind("Deployment")
              .name("abandoned")
              .imageBefore(Workloads.IMAGE + ":v1")
              .imageAfter(Workloads.IMAGE + ":v2")
              .strategy("rollout")
              .trigger(Trigger.cli("bob"))
              .startedAt(Instant.now().minusSeconds(600))
              .outcome(Outcome.RUNNING)
              .build());
    }
    try (Cluster cluster = connect();
        Deployments deployments = Deployments.open(HistoryDatabase.h2File(file))) {
      DeploymentReport next =
          deployments.deploy(cluster, request("abandoned", "v2"), Trigger.cli("bob"), e -> {});

      DeploymentRecord old =
          deployments.history(HistoryQuery.all()).stream()
              .filter(r -> r.id().equals(abandoned))
              .findFirst()
              .orElseThrow();
      assertThat(old.outcome()).isEqualTo(Outcome.INTERRUPTED);
      assertThat(old.reason()).contains("deployment " + next.deploymentId() + " took over");
    }
  }

  private static Cluster connect() {
    return Cluster.connect(
        ClusterConfig.kubeconfig("sandbox", SANDBOX.kubeconfig(), null, SANDBOX.namespace()));
  }

  private static RolloutRequest request(String name, String tag) {
    return new RolloutRequest(
        target(name), ImageReference.parse(Workloads.IMAGE + ":" + tag), fast(), "test");
  }

  private static WorkloadTarget target(String name) {
    return new WorkloadTarget(SANDBOX.namespace(), WorkloadKind.DEPLOYMENT, name, null);
  }

  private static RolloutParameters fast() {
    return RolloutParameters.defaults().withProgressTimeout(Duration.ofSeconds(60));
  }
}
