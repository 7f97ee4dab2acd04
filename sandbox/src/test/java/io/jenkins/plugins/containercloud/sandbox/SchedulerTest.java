package io.jenkins.plugins.containercloud.sandbox;

import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.eventually;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.newNamespace;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.pods;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.rc;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.readyPods;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link Scheduler}, {@link SimulatedNodePool} and {@link PodGarbageCollector}. */
class SchedulerTest {

  private Sandbox sandbox;
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.start();
    client = sandbox.client();
    ns = newNamespace(client);
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Test
  void podThatFitsNowhere_isUnschedulable_untilANodeIsAdded() {
    client.pods().inNamespace(ns).resource(pod("big", "5", "1Gi")).create();

    eventually()
        .untilAsserted(
            () -> {
              PodCondition scheduled =
                  condition(client.pods().inNamespace(ns).withName("big").get(), "PodScheduled");
              assertThat(scheduled.getStatus()).isEqualTo("False");
              assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
              assertThat(scheduled.getMessage())
                  .startsWith("0/3 nodes are available: 3 Insufficient cpu.");
            });
    eventually()
        .untilAsserted(
            () ->
                assertThat(client.v1().events().inNamespace(ns).list().getItems())
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("FailedScheduling");
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getInvolvedObject().getName()).isEqualTo("big");
                        }));

    sandbox.nodePool().addNode("sandbox-big-1", "8", "16Gi", 110);

    eventually()
        .untilAsserted(
            () -> {
              Pod big = client.pods().inNamespace(ns).withName("big").get();
              assertThat(big.getSpec().getNodeName()).isEqualTo("sandbox-big-1");
              assertThat(Pods.isReady(big)).isTrue();
              assertThat(condition(big, "PodScheduled").getStatus()).isEqualTo("True");
            });
  }

  @Test
  void countsRequestsOfPodsAlreadyBound_andReportsEveryReason() {
    for (int i = 0; i < 3; i++) {
      client.pods().inNamespace(ns).resource(pod("three-cpus-" + i, "3", "1Gi")).create();
    }
    eventually()
        .untilAsserted(
            () ->
                assertThat(
                        pods(client, ns, Map.of("app", "sched")).stream()
                            .filter(p -> Pods.nodeName(p) != null))
                    .hasSize(3));
    assertThat(
            pods(client, ns, Map.of("app", "sched")).stream()
                .map(Pods::nodeName)
                .collect(Collectors.toSet()))
        .hasSize(3);
    sandbox.nodePool().cordon("sandbox-node-1");

    client.pods().inNamespace(ns).resource(pod("two-cpus", "2", "1Gi")).create();

    eventually()
        .untilAsserted(
            () ->
                assertThat(
                        condition(
                                client.pods().inNamespace(ns).withName("two-cpus").get(),
                                "PodScheduled")
                            .getMessage())
                    .startsWith(
                        "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu."));
  }

  @Test
  void podsWithoutRequests_spreadOverTheNodes() {
    Map<String, String> labels = Map.of("app", "spread");
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("spread", 3, labels, "registry/s:1"))
        .create();

    eventually()
        .untilAsserted(
            () ->
                assertThat(
                        pods(client, ns, labels).stream()
                            .map(Pods::nodeName)
                            .collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(
                        "sandbox-node-1", "sandbox-node-2", "sandbox-node-3"));
  }

  @Test
  void removedNode_losesItsPods_andTheirControllerReplacesThem() {
    Map<String, String> labels = Map.of("app", "moving");
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("moving", 3, labels, "registry/m:1"))
        .create();
    eventually().untilAsserted(() -> assertThat(readyPods(client, ns, labels)).isEqualTo(3));
    String doomed = Pods.nodeName(pods(client, ns, labels).get(0));

    sandbox.nodePool().removeNode(doomed);

    assertThat(sandbox.nodePool().nodeNames()).doesNotContain(doomed).hasSize(2);
    eventually()
        .untilAsserted(
            () -> {
              List<Pod> pods = pods(client, ns, labels);
              assertThat(pods).hasSize(3).allSatisfy(p -> assertThat(Pods.isReady(p)).isTrue());
              Set<String> nodes = pods.stream().map(Pods::nodeName).collect(Collectors.toSet());
              assertThat(nodes).doesNotContain(doomed);
            });
  }

  private static Pod pod(String name, String cpu, String memory) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of("app", "sched"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry/app:1")
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
        .endResources()
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
