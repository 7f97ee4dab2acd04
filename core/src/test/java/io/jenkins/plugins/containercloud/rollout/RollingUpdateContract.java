package io.jenkins.plugins.containercloud.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.ReadyPodSampler;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ReplicationControllerRollingUpdate}, written once and run on every {@link
 * TargetCluster}: the testbed's real control plane and the sandbox must agree.
 */
abstract class RollingUpdateContract extends EngineContract {

  @Test
  void update_replacesEveryPod_andTheControllerKeepsItsName() {
    workloads.replicationController("plain", 3, "v1");
    List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    RolloutResult result =
        ReplicationControllerRollingUpdate.update(cluster, request("plain", "v2"), events::add);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(result.workload().name()).isEqualTo("plain");
    assertThat(result.imageBefore()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(result.imageAfter()).isEqualTo(Workloads.IMAGE + ":v2");
    ReplicationController rc = rc("plain");
    assertThat(rc.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(Workloads.IMAGE + ":v2");
    assertThat(rc.getStatus().getReadyReplicas()).isEqualTo(3);
    assertThat(rc.getMetadata().getAnnotations())
        .containsEntry(Annotations.PREVIOUS_IMAGES, "web=" + Workloads.IMAGE + ":v1")
        .doesNotContainKeys(
            Annotations.SOURCE_ID, Annotations.DESIRED_REPLICAS, Annotations.RENAME_TO);
    assertThat(controllersOf("plain")).containsExactly("plain");
    assertThat(readyImages("plain")).hasSize(3).containsOnly(Workloads.IMAGE + ":v2");
    assertThat(events).last().isInstanceOf(RolloutEvent.Finished.class);
    assertThat(events).filteredOn(RolloutEvent.ReplicasChanged.class::isInstance).isNotEmpty();
  }

  @Test
  void update_neverDropsReadyPodsBelowDesiredMinusMaxUnavailable() {
    workloads.replicationController("steady", 6, "v1");
    RolloutParameters parameters =
        fast()
            .withMaxSurge(IntOrPercent.of(1))
            .withMaxUnavailable(IntOrPercent.of(2))
            // New pods count only after a second of readiness, so scaling down must wait for them.
            .withMinReady(Duration.ofSeconds(1));

    RolloutResult result;
    int minimum;
    try (ReadyPodSampler sampler =
        new ReadyPodSampler(target().client(), target().namespace(), Map.of("app", "steady"))) {
      result =
          ReplicationControllerRollingUpdate.update(
              cluster, request("steady", "v2", parameters), e -> {});
      minimum = sampler.minimumReady();
      assertThat(sampler.samples()).isGreaterThan(6);
    }

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(minimum).isGreaterThanOrEqualTo(6 - 2);
    assertThat(readyImages("steady")).hasSize(6).containsOnly(Workloads.IMAGE + ":v2");
  }

  @Test
  void workloadDeletedDuringTheUpdate_stopsTheUpdate_withOneSentenceSayingSo() {
    workloads.replicationController("doomed", 2, "v1");
    AtomicInteger deletions = new AtomicInteger();
    RolloutListener deleteAtFirstScaling =
        event -> {
          if (event instanceof RolloutEvent.ReplicasChanged && deletions.getAndIncrement() == 0) {
            target()
                .client()
                .replicationControllers()
                .inNamespace(target().namespace())
                .withName("doomed")
                .delete();
          }
        };

    // The new pods never become Ready, so only the deletion can end this update early.
    RolloutResult result =
        ReplicationControllerRollingUpdate.update(
            cluster, request("doomed", "v2-neverready"), deleteAtFirstScaling);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.FAILED);
    assertThat(result.reason())
        .startsWith("rc/doomed in namespace " + target().namespace() + " was deleted during the")
        .contains("recreate the workload and deploy again")
        .doesNotContain("Failure executing")
        .doesNotContain("no progress");
  }

  @Test
  void neverReadyImage_isRolledBack_withThePodsReason() {
    workloads.replicationController("unready", 3, "v1");
    RolloutParameters parameters = fast().withProgressTimeout(Duration.ofSeconds(6));

    RolloutResult result =
        ReplicationControllerRollingUpdate.update(
            cluster, request("unready", "v2-neverready", parameters), e -> {});

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.ROLLED_BACK);
    assertThat(result.reason()).contains("no progress").contains("ContainersNotReady");
    assertThat(result.imageAfter()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(controllersOf("unready")).containsExactly("unready");
    assertThat(rc("unready").getMetadata().getAnnotations())
        .doesNotContainKeys(Annotations.NEXT_CONTROLLER, Annotations.ORIGINAL_REPLICAS);
    awaitReadyImages("unready", 3, Workloads.IMAGE + ":v1");
  }

  @Test
  void crashLoopingImage_isRolledBack_assoonAsAPodCrashLoops() {
    workloads.replicationController("crashing", 2, "v1");
    List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    RolloutResult result =
        ReplicationControllerRollingUpdate.update(
            cluster,
            request("crashing", "v2-crashloop", fast().withProgressTimeout(Duration.ofMinutes(2))),
            events::add);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.ROLLED_BACK);
    assertThat(result.reason()).contains("CrashLoopBackOff");
    assertThat(events).filteredOn(RolloutEvent.RollbackStarted.class::isInstance).hasSize(1);
    awaitReadyImages("crashing", 2, Workloads.IMAGE + ":v1");
    assertThat(controllersOf("crashing")).containsExactly("crashing");
  }

  @Test
  void interruptedUpdate_isResumedByASecondRun_withoutAThirdController() {
    workloads.replicationController("resumed", 4, "v1");
    AtomicInteger scaleUps = new AtomicInteger();
    RolloutListener crashing =
        event -> {
          if (event instanceof RolloutEvent.StepStarted step
              && step.step().startsWith("Scaling resumed-")
              && scaleUps.incrementAndGet() == 2) {
            throw new IllegalStateException("simulated crash in the middle of the update");
          }
        };
    try (ReadyPodSampler sampler =
        new ReadyPodSampler(target().client(), target().namespace(), Map.of("app", "resumed"))) {
      assertThatThrownBy(
              () ->
                  ReplicationControllerRollingUpdate.update(
                      cluster, request("resumed", "v2"), crashing))
          .hasMessageContaining("simulated crash");
      assertThat(controllersOf("resumed")).hasSize(2);
      String inProgress =
          rc("resumed").getMetadata().getAnnotations().get(Annotations.NEXT_CONTROLLER);
      List<RolloutEvent> events = new CopyOnWriteArrayList<>();

      RolloutResult result =
          ReplicationControllerRollingUpdate.update(cluster, request("resumed", "v2"), events::add);

      assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
      assertThat(events)
          .filteredOn(RolloutEvent.StepStarted.class::isInstance)
          .map(RolloutEvent::describe)
          .contains("Continuing the update with existing controller " + inProgress)
          .noneMatch(step -> step.startsWith("Created controller"));
      assertThat(sampler.minimumReady()).isGreaterThanOrEqualTo(4);
    }
    assertThat(controllersOf("resumed")).containsExactly("resumed");
    assertThat(readyImages("resumed")).hasSize(4).containsOnly(Workloads.IMAGE + ":v2");
  }

  @Test
  void abortedUpdate_isRolledBack_andTheInterruptIsKept() throws Exception {
    workloads.replicationController("aborted", 2, "v1");
    java.util.concurrent.CompletableFuture<RolloutResult> result =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean interruptKept =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.CountDownLatch created = new java.util.concurrent.CountDownLatch(1);
    Thread worker =
        new Thread(
            () -> {
              result.complete(
                  ReplicationControllerRollingUpdate.update(
                      cluster,
                      request("aborted", "v2-neverready"),
                      event -> {
                        if (event instanceof RolloutEvent.StepStarted step
                            && step.step().startsWith("Created controller")) {
                          created.countDown();
                        }
                      }));
              interruptKept.set(Thread.currentThread().isInterrupted());
            });
    worker.start();
    assertThat(created.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    worker.interrupt();
    worker.join(120_000);

    assertThat(result.get().outcome()).isEqualTo(RolloutOutcome.ROLLED_BACK);
    assertThat(result.get().reason()).isEqualTo("the rollout was aborted");
    assertThat(interruptKept).isTrue();
    assertThat(controllersOf("aborted")).containsExactly("aborted");
    awaitReadyImages("aborted", 2, Workloads.IMAGE + ":v1");
  }

  @Test
  void explicitRollback_ofAFinishedUpdate_restoresThePreviousImage() {
    workloads.replicationController("reverted", 2, "v1");
    assertThat(
            ReplicationControllerRollingUpdate.update(cluster, request("reverted", "v2"), e -> {})
                .outcome())
        .isEqualTo(RolloutOutcome.SUCCEEDED);

    RolloutResult result =
        ReplicationControllerRollingUpdate.rollback(
            cluster,
            new WorkloadTarget(
                target().namespace(), WorkloadKind.REPLICATION_CONTROLLER, "reverted", null),
            fast(),
            e -> {});

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(result.imageAfter()).isEqualTo(Workloads.IMAGE + ":v1");
    assertThat(readyImages("reverted")).hasSize(2).containsOnly(Workloads.IMAGE + ":v1");
    assertThat(rc("reverted").getMetadata().getAnnotations())
        .containsEntry(Annotations.PREVIOUS_IMAGES, "web=" + Workloads.IMAGE + ":v2");
  }

  @Test
  void controllerScaledToZero_isUpdatedWithoutPods() {
    workloads.replicationController("idle", 0, "v1");

    RolloutResult result =
        ReplicationControllerRollingUpdate.update(cluster, request("idle", "v2"), e -> {});

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(rc("idle").getSpec().getReplicas()).isZero();
    assertThat(rc("idle").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(Workloads.IMAGE + ":v2");
    assertThat(controllersOf("idle")).containsExactly("idle");
  }

  @Test
  void percentageLimits_resolveAgainstTheDesiredCount() {
    workloads.replicationController("percent", 4, "v1");
    RolloutParameters parameters =
        fast()
            .withMaxSurge(IntOrPercent.parse("maxSurge", "50%"))
            .withMaxUnavailable(IntOrPercent.parse("maxUnavailable", "25%"));
    List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    RolloutResult result =
        ReplicationControllerRollingUpdate.update(
            cluster, request("percent", "v2", parameters), events::add);

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    // 50% of 4 surges 2; 25% of 4 leaves 3 available.
    assertThat(events)
        .map(RolloutEvent::describe)
        .anyMatch(step -> step.endsWith("(keep 3 pods available, don't exceed 6 pods)"));
  }

  @Test
  void badInput_isRefusedBeforeAnythingChanges() {
    ReplicationController before = workloads.replicationController("guarded", 1, "v1");
    // A controller at zero replicas whose selector would also pick the new pods of "guarded".
    target()
        .client()
        .replicationControllers()
        .inNamespace(target().namespace())
        .resource(
            new io.fabric8.kubernetes.api.model.ReplicationControllerBuilder()
                .withNewMetadata()
                .withName("greedy")
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withSelector(Map.of("app", "guarded"))
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "guarded"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage(Workloads.IMAGE + ":v1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();

    assertThatThrownBy(
            () ->
                ReplicationControllerRollingUpdate.update(
                    cluster, request("guarded", "v2"), e -> {}))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageStartingWith("selector: ReplicationController greedy");

    assertThatThrownBy(
            () ->
                ReplicationControllerRollingUpdate.update(
                    cluster, request("missing", "v2"), e -> {}))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageContaining("name: ReplicationController missing not found");
    assertThatThrownBy(
            () ->
                ReplicationControllerRollingUpdate.update(
                    cluster,
                    new RolloutRequest(
                        new WorkloadTarget(
                            target().namespace(),
                            WorkloadKind.REPLICATION_CONTROLLER,
                            "guarded",
                            "sidecar"),
                        ImageReference.parse(Workloads.IMAGE + ":v2"),
                        fast(),
                        null),
                    e -> {}))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageContaining("container: ")
        .hasMessageContaining("its containers are web");
    assertThatThrownBy(
            () ->
                new WorkloadTarget(
                    target().namespace(), WorkloadKind.REPLICATION_CONTROLLER, "Bad_Name", null))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageStartingWith("name: 'Bad_Name' is not a valid Kubernetes name");
    assertThat(rc("guarded").getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
    assertThat(
            target()
                .client()
                .replicationControllers()
                .inNamespace(target().namespace())
                .list()
                .getItems())
        .extracting(rc -> rc.getMetadata().getName())
        .noneMatch(name -> name.startsWith("guarded-"));
  }

  // ---- helpers ----

  RolloutParameters fast() {
    return RolloutParameters.defaults().withProgressTimeout(Duration.ofSeconds(60));
  }

  RolloutRequest request(String name, String tag) {
    return request(name, tag, fast());
  }

  RolloutRequest request(String name, String tag, RolloutParameters parameters) {
    return new RolloutRequest(
        new WorkloadTarget(target().namespace(), WorkloadKind.REPLICATION_CONTROLLER, name, null),
        ImageReference.parse(Workloads.IMAGE + ":" + tag),
        parameters,
        "test");
  }

  ReplicationController rc(String name) {
    return target()
        .client()
        .replicationControllers()
        .inNamespace(target().namespace())
        .withName(name)
        .get();
  }

  List<String> controllersOf(String app) {
    return target()
        .client()
        .replicationControllers()
        .inNamespace(target().namespace())
        .withLabel("app", app)
        .list()
        .getItems()
        .stream()
        .map(rc -> rc.getMetadata().getName())
        .sorted()
        .toList();
  }

  List<String> readyImages(String app) {
    return target()
        .client()
        .pods()
        .inNamespace(target().namespace())
        .withLabel("app", app)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(RollingUpdateContract::ready)
        .map(p -> p.getSpec().getContainers().get(0).getImage())
        .toList();
  }

  void awaitReadyImages(String app, int count, String image) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(() -> assertThat(readyImages(app)).hasSize(count).containsOnly(image));
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
