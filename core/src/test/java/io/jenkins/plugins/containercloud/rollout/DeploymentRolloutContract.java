package io.jenkins.plugins.containercloud.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link DeploymentRollout}, written once and run on every {@link TargetCluster}: the
 * testbed's real Deployment controller and the sandbox's must agree where the engine looks.
 */
abstract class DeploymentRolloutContract extends EngineContract {

  @Test
  void rollout_waitsUntilEveryReplicaRunsTheImage_andRecordsTheChangeCause() {
    workloads.deployment("shop", 3, "v1", 600);
    List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    RolloutResult result =
        DeploymentRollout.rollout(cluster, request("shop", "v2", "build #7"), events::add);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(result.imageBefore()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(result.imageAfter()).isEqualTo(Workloads.IMAGE + ":v2");
    Deployment deployment = deployment("shop");
    assertThat(deployment.getMetadata().getAnnotations())
        .containsEntry(Annotations.CHANGE_CAUSE, "build #7")
        .containsEntry(Annotations.REVISION, "2");
    assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(deployment.getStatus().getReplicas()).isEqualTo(3);
    assertThat(events).last().isInstanceOf(RolloutEvent.Finished.class);
  }

  @Test
  void crashLoopingImage_isUndoneToThePreviousRevision() {
    workloads.deployment("crashy", 2, "v1", 600);

    RolloutResult result =
        DeploymentRollout.rollout(cluster, request("crashy", "v2-crashloop", "build #8"), e -> {});

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.ROLLED_BACK);
    assertThat(result.reason()).contains("CrashLoopBackOff");
    Deployment deployment = deployment("crashy");
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(deployment.getMetadata().getAnnotations())
        .containsEntry(Annotations.REVISION, "3")
        .hasEntrySatisfying(
            Annotations.CHANGE_CAUSE,
            cause -> assertThat(cause).contains("rollback to revision 1"));
    assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
  }

  @Test
  void neverReadyImage_exceedsTheProgressDeadline_andIsUndone() {
    workloads.deployment("stuck", 2, "v1", 4);

    RolloutResult result =
        DeploymentRollout.rollout(cluster, request("stuck", "v2-neverready", "build #9"), e -> {});

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.ROLLED_BACK);
    assertThat(result.reason())
        .startsWith("ProgressDeadlineExceeded")
        .contains("ContainersNotReady");
    assertThat(
            deployment("stuck").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(Workloads.IMAGE + ":v1");
  }

  @Test
  void explicitRollback_restoresThePreviousRevision() {
    workloads.deployment("undone", 1, "v1", 600);
    assertThat(
            DeploymentRollout.rollout(cluster, request("undone", "v2", "build #10"), e -> {})
                .outcome())
        .isEqualTo(RolloutOutcome.SUCCEEDED);

    RolloutResult result =
        DeploymentRollout.rollback(
            cluster, target("undone", null), RolloutParameters.defaults(), e -> {});

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(result.imageAfter()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(
            deployment("undone")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo(Workloads.IMAGE + ":v1");
  }

  @Test
  void missingDeploymentOrContainer_isRefusedBeforeAnythingChanges() {
    Deployment before = workloads.deployment("kept", 1, "v1", 600);

    assertThatThrownBy(
            () -> DeploymentRollout.rollout(cluster, request("absent", "v2", "x"), e -> {}))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessage("name: Deployment absent not found in namespace " + target().namespace());
    assertThatThrownBy(
            () ->
                DeploymentRollout.rollout(
                    cluster,
                    new RolloutRequest(
                        target("kept", "db"),
                        ImageReference.parse(Workloads.IMAGE + ":v2"),
                        RolloutParameters.defaults(),
                        "x"),
                    e -> {}))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageContaining("container: ")
        .hasMessageContaining("has no container 'db'");
    assertThat(deployment("kept").getMetadata().getGeneration())
        .isEqualTo(before.getMetadata().getGeneration());
  }

  @Test
  void deploymentDeletedDuringTheRollout_stopsAtOnce_withOneSentenceSayingSo() {
    workloads.deployment("doomed", 2, "v1", 600);
    AtomicInteger deletions = new AtomicInteger();
    RolloutListener deleteAtFirstReplicas =
        event -> {
          if (event instanceof RolloutEvent.ReplicasChanged && deletions.getAndIncrement() == 0) {
            target()
                .client()
                .apps()
                .deployments()
                .inNamespace(target().namespace())
                .withName("doomed")
                .delete();
          }
        };

    // The new pods never become Ready, so only the deletion can end this rollout before the
    // progress deadline (600 s); and there is nothing left to roll back.
    RolloutResult result =
        DeploymentRollout.rollout(
            cluster, request("doomed", "v2-neverready", "build #11"), deleteAtFirstReplicas);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.FAILED);
    assertThat(result.reason())
        .startsWith(
            "deployment/doomed in namespace " + target().namespace() + " was deleted during the")
        .contains("recreate the workload and deploy again")
        .doesNotContain("Failure executing")
        .doesNotContain("undo failed");
  }

  private RolloutRequest request(String name, String tag, String cause) {
    return new RolloutRequest(
        target(name, null),
        ImageReference.parse(Workloads.IMAGE + ":" + tag),
        RolloutParameters.defaults().withProgressTimeout(Duration.ofSeconds(60)),
        cause);
  }

  private WorkloadTarget target(String name, String container) {
    return new WorkloadTarget(target().namespace(), WorkloadKind.DEPLOYMENT, name, container);
  }

  private Deployment deployment(String name) {
    return target()
        .client()
        .apps()
        .deployments()
        .inNamespace(target().namespace())
        .withName(name)
        .get();
  }
}
