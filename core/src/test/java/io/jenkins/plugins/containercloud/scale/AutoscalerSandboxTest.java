package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.history.ScalingEvent;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link Autoscaler} on the sandbox cluster, with the simulated provider. */
class AutoscalerSandboxTest {

  @RegisterExtension static final SandboxCluster SANDBOX = new SandboxCluster();

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(SANDBOX.namespace())
        .endMetadata()
        .withNewSpec()
        .addToNodeSelector("tier", "burst")
        .addNewContainer()
        .withName("c")
        .withImage("registry.invalid/app:1")
        .withNewResources()
        .addToRequests("cpu", new Quantity("1"))
        .addToRequests("memory", new Quantity("1Gi"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void anUnschedulablePod_wakesThePlannerThroughTheWatch_withoutWaitingForThePeriodicRun() {
    KubernetesClient client = SANDBOX.client();
    NodePool base =
        Pools.pool(
            "burst", new Resources(2000, 4 * Pools.GI, 110), Map.of("tier", "burst"), List.of(), 5);
    SimulatedNodeProvider provider = new SimulatedNodeProvider(client, "sandbox-test");
    ScalingLog log = ScalingLog.inMemory();
    try (Cluster cluster =
            Cluster.connect(
                ClusterConfig.kubeconfig(
                    "sandbox", SANDBOX.kubeconfig(), null, SANDBOX.namespace()));
        Autoscaler autoscaler =
            new Autoscaler(
                base.cluster(),
                cluster.wholeCluster(),
                client,
                List.of(base),
                Map.of("burst", provider),
                log,
                Clock.systemUTC(),
                // The periodic run comes once, at start; only a watch event can start another.
                new Autoscaler.Timing(Duration.ofMillis(50), Duration.ofHours(1)))) {
      autoscaler.start();
      autoscaler.runNow();

      for (int i = 0; i < 3; i++) {
        client.resource(pod("burst-" + i)).create();
      }

      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  client.pods().inNamespace(SANDBOX.namespace()).list().getItems().stream()
                      .filter(p -> p.getMetadata().getName().startsWith("burst-"))
                      .allMatch(p -> p.getSpec().getNodeName() != null));
      // Two 1-CPU pods per 2-CPU node: two nodes for three pods.
      assertThat(provider.listOwned("burst")).hasSize(2);
      assertThat(log.recent(base.cluster(), 50))
          .extracting(ScalingEvent::type)
          .contains(ScalingEvents.SCALE_UP_REQUESTED, ScalingEvents.SCALE_UP_CREATED);
    }
  }
}
