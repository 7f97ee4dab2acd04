package io.jenkins.plugins.containercloud.sandbox;

import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.eventually;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.newNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link Kubelet}: realistic statuses and the testbed's image-tag conventions. */
class KubeletTest {

  private static Sandbox sandbox;
  private static KubernetesClient client;
  private String ns;

  @BeforeAll
  static void startSandbox() {
    sandbox =
        Sandbox.start(SandboxOptions.defaults().crashLoopRestartInterval(Duration.ofMillis(200)));
    client = sandbox.client();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void namespace() {
    ns = newNamespace(client);
  }

  @Test
  void ordinaryImage_runsAndBecomesReady_withRealisticStatus() {
    client.pods().inNamespace(ns).resource(pod("plain", "registry/app:1.0")).create();

    eventually()
        .untilAsserted(
            () ->
                assertThat(Pods.isReady(client.pods().inNamespace(ns).withName("plain").get()))
                    .isTrue());
    Pod pod = client.pods().inNamespace(ns).withName("plain").get();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(pod.getStatus().getStartTime()).isNotNull();
    assertThat(pod.getStatus().getPodIP()).isNotNull();
    assertThat(pod.getStatus().getQosClass()).isEqualTo("BestEffort");
    assertThat(pod.getStatus().getConditions())
        .extracting(PodCondition::getType, PodCondition::getStatus)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Initialized", "True"),
            org.assertj.core.groups.Tuple.tuple("Ready", "True"),
            org.assertj.core.groups.Tuple.tuple("ContainersReady", "True"),
            org.assertj.core.groups.Tuple.tuple("PodScheduled", "True"));
    assertThat(pod.getStatus().getContainerStatuses())
        .allSatisfy(
            s -> {
              assertThat(s.getReady()).isTrue();
              assertThat(s.getStarted()).isTrue();
              assertThat(s.getRestartCount()).isZero();
              assertThat(s.getState().getRunning().getStartedAt()).isNotNull();
            });
  }

  @Test
  void neverreadyTag_runsButIsNotReady_firstContainerOnly() {
    client.pods().inNamespace(ns).resource(pod("stuck", "registry/app:2-neverready")).create();

    eventually()
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .pods()
                            .inNamespace(ns)
                            .withName("stuck")
                            .get()
                            .getStatus()
                            .getPhase())
                    .isEqualTo("Running"));
    Pod pod = client.pods().inNamespace(ns).withName("stuck").get();
    assertThat(condition(pod, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(pod, "Ready").getReason()).isEqualTo("ContainersNotReady");
    assertThat(condition(pod, "ContainersReady").getStatus()).isEqualTo("False");
    assertThat(pod.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
    assertThat(pod.getStatus().getContainerStatuses().get(1).getReady()).isTrue();
  }

  @Test
  void neverreadyInTheRepositoryName_doesNotCount() {
    client.pods().inNamespace(ns).resource(pod("named", "registry/app-neverready:1")).create();

    eventually()
        .untilAsserted(
            () ->
                assertThat(Pods.isReady(client.pods().inNamespace(ns).withName("named").get()))
                    .isTrue());
  }

  @Test
  void crashloopTag_waitsInBackOff_withRisingRestartCountAndEvents() {
    client
        .pods()
        .inNamespace(ns)
        .resource(pod("crashy", "registry/app:3-crashloop@sha256:abc"))
        .create();

    eventually()
        .untilAsserted(
            () -> {
              ContainerStatus first =
                  client
                      .pods()
                      .inNamespace(ns)
                      .withName("crashy")
                      .get()
                      .getStatus()
                      .getContainerStatuses()
                      .get(0);
              assertThat(first.getRestartCount()).isGreaterThanOrEqualTo(3);
              assertThat(first.getReady()).isFalse();
              assertThat(first.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
              assertThat(first.getLastState().getTerminated().getExitCode()).isEqualTo(1);
            });
    Pod pod = client.pods().inNamespace(ns).withName("crashy").get();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(condition(pod, "Ready").getStatus()).isEqualTo("False");
    assertThat(pod.getStatus().getContainerStatuses().get(1).getReady()).isTrue();
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("BackOff");
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getCount()).isGreaterThan(1);
            });
  }

  private static Pod pod(String name, String image) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .endContainer()
        .addNewContainer()
        .withName("sidecar")
        .withImage("registry/sidecar:1")
        .endContainer()
        .endSpec()
        .build();
  }

  private static PodCondition condition(Pod pod, String type) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
