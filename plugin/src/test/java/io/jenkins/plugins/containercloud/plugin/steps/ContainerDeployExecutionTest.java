package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.Outcome;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.plugin.action.DeploymentEntry;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadRef;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link ContainerDeployExecution} and {@link ContainerRollbackExecution}: the steps
 * against the testbed's Kubernetes, through the configured cluster and the history.
 */
class ContainerDeployExecutionTest {

  @RegisterExtension static final KubeTestbed KUBE = new KubeTestbed();

  @TempDir Path workspace;
  @TempDir Path history;

  private Workloads workloads;
  private DeployFixture fixture;

  @BeforeEach
  void fixture() {
    workloads = new Workloads(KUBE);
    fixture = new DeployFixture(KUBE, workspace, history);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void rollsADeploymentOut_recordsItWithTheBuildAsTrigger_andReturnsTheOutcome() throws Exception {
    workloads.deployment("web", 2, "v1", 600);
    ContainerDeployStep step = step();
    step.setDeployment("web");
    step.setImage(Workloads.IMAGE + ":v2");

    Map<String, Object> result = fixture.deploy(step);

    assertThat(result)
        .containsEntry("outcome", "SUCCEEDED")
        .containsEntry("cluster", "testbed")
        .containsEntry("namespace", KUBE.namespace())
        .containsEntry("kind", "Deployment")
        .containsEntry("name", "web")
        .containsEntry("imageBefore", Workloads.IMAGE + ":v1")
        .containsEntry("imageAfter", Workloads.IMAGE + ":v2")
        .containsEntry("rolledBack", false);
    assertThat(fixture.image("deployment", "web")).isEqualTo(Workloads.IMAGE + ":v2");
    assertThat(fixture.host().log())
        .contains("Rolling " + Workloads.IMAGE + ":v2 out to deployment/web")
        .contains("succeeded");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              DeploymentRecord record = fixture.history().get(0);
              assertThat(record.id()).isEqualTo(result.get("deploymentId"));
              assertThat(record.trigger()).isEqualTo(Trigger.build(FakeStepHost.BUILD_URL));
              assertThat(record.outcome()).isEqualTo(Outcome.SUCCEEDED);
            });
    DeploymentEntry entry = fixture.host().action().getDeployments().get(0);
    assertThat(entry.getDeploymentId()).isEqualTo(result.get("deploymentId"));
    assertThat(entry.getOutcome()).isEqualTo("SUCCEEDED");
    assertThat(fixture.host().workloads().getWorkloads())
        .containsExactly(new WorkloadRef("testbed", KUBE.namespace(), "Deployment", "web"));
  }

  @Test
  void rollingUpdateOfAReplicationController() throws Exception {
    workloads.replicationController("api", 2, "v1");
    ContainerDeployStep step = step();
    step.setReplicationController("api");
    step.setImage(Workloads.IMAGE + ":v2");
    step.setMaxSurge("100%");

    Map<String, Object> result = fixture.deploy(step);

    assertThat(result)
        .containsEntry("outcome", "SUCCEEDED")
        .containsEntry("kind", "ReplicationController");
    assertThat(fixture.image("rc", "api")).isEqualTo(Workloads.IMAGE + ":v2");
  }

  @Test
  void failedRollout_isRolledBack_andFailsTheStepWithTheReason() throws Exception {
    workloads.replicationController("flaky", 1, "v1");
    ContainerDeployStep step = step();
    step.setReplicationController("flaky");
    step.setImage(Workloads.IMAGE + ":v2-neverready");
    step.setTimeout("10s");

    assertThatThrownBy(() -> fixture.deploy(step))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining("ReplicationController flaky in namespace " + KUBE.namespace())
        .hasMessageContaining("failed and was rolled back to " + Workloads.IMAGE + ":v1");

    assertThat(fixture.image("rc", "flaky")).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(fixture.controllersOf("flaky")).isEqualTo(1);
    assertThat(fixture.host().log()).contains("ERROR: The deploy of ReplicationController flaky");
    DeploymentEntry entry = fixture.host().action().getDeployments().get(0);
    assertThat(entry.isRolledBack()).isTrue();
    assertThat(entry.getReason()).isNotBlank();
    // The summary says which image failed, not only the one it went back to.
    assertThat(entry.getImageAfter()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(entry.getImageRequested()).isEqualTo(Workloads.IMAGE + ":v2-neverready");
    assertThat(entry.isTriedOtherImage()).isTrue();
  }

  @Test
  void abortingTheBuild_rollsBack_andReportsTheAbortOnlyOnceTheRollbackIsDone() throws Exception {
    workloads.replicationController("aborted", 2, "v1");
    ContainerDeployStep step = step();
    step.setReplicationController("aborted");
    step.setImage(Workloads.IMAGE + ":v2-neverready");
    step.setTimeout("5m");
    // What the cluster looks like at the moment the step reports its end to Jenkins.
    AtomicReference<Object> reported = new AtomicReference<>();
    AtomicReference<String> imageWhenReported = new AtomicReference<>();
    AtomicReference<Integer> controllersWhenReported = new AtomicReference<>();
    AtomicReference<Integer> entriesWhenReported = new AtomicReference<>();
    FakeStepContext context =
        new FakeStepContext(
            outcome -> {
              imageWhenReported.set(fixture.image("rc", "aborted"));
              controllersWhenReported.set(fixture.controllersOf("aborted"));
              entriesWhenReported.set(fixture.host().action().getDeployments().size());
              reported.set(outcome);
            });
    ContainerDeployExecution execution = fixture.execution(step, context);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    // What Jenkins' SynchronousNonBlockingStepExecution runs on its pool thread.
    executor.submit(
        () -> {
          try {
            context.onSuccess(execution.run());
          } catch (Throwable t) {
            context.onFailure(t);
          }
        });
    await().atMost(Duration.ofMinutes(1)).until(() -> fixture.controllersOf("aborted") == 2);
    InterruptedException abort = new InterruptedException("Aborted by admin");

    execution.stop(abort);

    await().atMost(Duration.ofMinutes(2)).until(() -> reported.get() != null);
    executor.shutdown();
    assertThat(reported.get()).isSameAs(abort);
    assertThat(abort.getSuppressed())
        .singleElement()
        .satisfies(
            failure ->
                assertThat(failure)
                    .hasMessageContaining(
                        "failed and was rolled back to " + Workloads.IMAGE + ":v1"));
    assertThat(imageWhenReported.get()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(controllersWhenReported.get()).isEqualTo(1);
    assertThat(entriesWhenReported.get()).isEqualTo(1);
    assertThat(fixture.host().action().getDeployments().get(0).isRolledBack()).isTrue();
    // The recorded reason depends on where the interrupt landed (a wait, or a request).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fixture.history().get(0).outcome() == Outcome.ROLLED_BACK);
  }

  @Test
  void stopBeforeTheWorkStarts_reportsTheCauseWithoutTouchingTheCluster() throws Exception {
    ContainerDeployStep step = step();
    step.setDeployment("never-created");
    step.setImage(Workloads.IMAGE + ":v2");
    ContainerDeployExecution execution = fixture.execution(step, new FakeStepContext());
    InterruptedException abort = new InterruptedException("Aborted by admin");

    execution.stop(abort);

    assertThatThrownBy(execution::run).isSameAs(abort);
    assertThat(fixture.host().log()).doesNotContain("Rolling");
  }

  @Test
  void aTokenFromTheClusterKubeconfig_reachesNeitherTheLogNorTheSummary() throws Exception {
    fixture.close();
    String token = "s3cr3tt0ken42";
    // The testbed authenticates the client certificate first; the extra token is only a secret
    // the masker must find in the kubeconfig. The image's tag quotes it, as a careless server
    // might.
    String kubeconfig =
        Files.readString(KUBE.kubeconfig())
            .replace("  user:\n", "  user:\n    token: " + token + "\n");
    assertThat(kubeconfig).contains("token: " + token);
    fixture =
        new DeployFixture(
            KUBE,
            workspace,
            history,
            TestCredentials.resolver(
                TestCredentials.secretFile(
                    "kubeconfig", "config", kubeconfig.getBytes(StandardCharsets.UTF_8))));
    workloads.deployment("masked", 1, "v1", 600);
    ContainerDeployStep step = step();
    step.setDeployment("masked");
    step.setImage(Workloads.IMAGE + ":" + token);

    Map<String, Object> result = fixture.deploy(step);

    assertThat(fixture.image("deployment", "masked")).isEqualTo(Workloads.IMAGE + ":" + token);
    assertThat(fixture.host().log()).contains("Rolling").doesNotContain(token);
    assertThat(result.values())
        .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(token));
    assertThat(result).containsEntry("imageAfter", Workloads.IMAGE + ":****");
    DeploymentEntry entry = fixture.host().action().getDeployments().get(0);
    assertThat(entry.getImageAfter()).isEqualTo(Workloads.IMAGE + ":****");
  }

  @Test
  void theClusterCredentials_areLookedUpAsTheSystemSeesThem_notAsTheBuildDoes() throws Exception {
    fixture.close();
    // Only the system sees the kubeconfig (global credentials chosen on the configuration page).
    fixture =
        new DeployFixture(
            KUBE, workspace, history, TestCredentials.resolver(), DeployFixture.credentials(KUBE));
    workloads.deployment("scoped", 1, "v1", 600);
    ContainerDeployStep step = step();
    step.setDeployment("scoped");
    step.setImage(Workloads.IMAGE + ":v2");

    assertThat(fixture.deploy(step)).containsEntry("outcome", "SUCCEEDED");

    fixture.close();
    // Only the build sees it: the configuration's id is not the build's to resolve.
    fixture =
        new DeployFixture(
            KUBE, workspace, history, DeployFixture.credentials(KUBE), TestCredentials.resolver());
    assertThatThrownBy(() -> fixture.deploy(step))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("cluster testbed: credentialsId: no credentials with id");
  }

  @Test
  void missingWorkload_isReportedUnderTheStepsArgument_notTheEnginesField() {
    ContainerDeployStep deployment = step();
    deployment.setDeployment("absent");
    deployment.setImage(Workloads.IMAGE + ":v2");
    assertThatThrownBy(() -> fixture.deploy(deployment))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("deployment: Deployment absent not found");

    ContainerRollbackStep rollback = new ContainerRollbackStep(DeployFixture.CLUSTER);
    rollback.setReplicationController("absent");
    assertThatThrownBy(() -> fixture.rollback(rollback))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("replicationController: ");
  }

  @Test
  void manifestsFromTheWorkspace_areApplied() throws Exception {
    Files.createDirectories(workspace.resolve("k8s"));
    Files.writeString(
        workspace.resolve("k8s/app.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: from-manifest
        spec:
          replicas: 1
          selector:
            matchLabels: {app: from-manifest}
          template:
            metadata:
              labels: {app: from-manifest}
            spec:
              containers:
              - name: web
                image: %s:v1
        """
            .formatted(Workloads.IMAGE));
    ContainerDeployStep step = step();
    step.setManifests("k8s/app.yaml");
    step.setImage(Workloads.IMAGE + ":v3");

    Map<String, Object> result = fixture.deploy(step);

    assertThat(result)
        .containsEntry("outcome", "SUCCEEDED")
        .containsEntry("kind", "Manifests")
        .containsEntry("name", "k8s/app.yaml");
    assertThat(fixture.image("deployment", "from-manifest")).isEqualTo(Workloads.IMAGE + ":v3");
  }

  @Test
  void missingManifest_andUnknownCluster_failNamingTheArgument() {
    ContainerDeployStep manifest = step();
    manifest.setManifests("k8s/missing.yaml");
    assertThatThrownBy(() -> fixture.deploy(manifest))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("manifests: k8s/missing.yaml is not a file in the workspace");

    ContainerDeployStep unknown = new ContainerDeployStep("production");
    unknown.setDeployment("web");
    unknown.setImage("app:1");
    assertThatThrownBy(() -> fixture.deploy(unknown))
        .hasMessageStartingWith(
            "cluster: no cluster named 'production' is configured (configured: testbed)");
  }

  @Test
  void rollback_restoresThePreviousImageFromTheHistory() throws Exception {
    workloads.deployment("shop", 1, "v1", 600);
    ContainerDeployStep deploy = step();
    deploy.setDeployment("shop");
    deploy.setImage(Workloads.IMAGE + ":v2");
    fixture.deploy(deploy);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !fixture.history().isEmpty()
                    && fixture.history().get(0).outcome() == Outcome.SUCCEEDED);
    ContainerRollbackStep rollback = new ContainerRollbackStep(DeployFixture.CLUSTER);
    rollback.setDeployment("shop");

    Map<String, Object> result = fixture.rollback(rollback);

    assertThat(result)
        .containsEntry("outcome", "SUCCEEDED")
        .containsEntry("imageBefore", Workloads.IMAGE + ":v2")
        .containsEntry("imageAfter", Workloads.IMAGE + ":v1");
    assertThat(fixture.image("deployment", "shop")).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(fixture.host().action().getDeployments())
        .extracting(DeploymentEntry::getOperation)
        .containsExactly("deploy", "rollback");
  }

  private static ContainerDeployStep step() {
    return new ContainerDeployStep(DeployFixture.CLUSTER);
  }
}
