package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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

/** Tests for {@link Autoscaler#resize} on the sandbox cluster, with the simulated provider. */
class AutoscalerResizeSandboxTest {

  @RegisterExtension static final SandboxCluster SANDBOX = new SandboxCluster();

  @Test
  void resize_ordersTheMissingNodes_thenDrainsTheSurplus_andSaysWhenThePoolGotThere() {
    KubernetesClient client = SANDBOX.client();
    NodePool pool =
        Pools.pool("resized", new Resources(2000, 4 * Pools.GI, 110), Map.of(), List.of(), 4);
    SimulatedNodeProvider provider = new SimulatedNodeProvider(client, "resize-test");
    ScalingLog log = ScalingLog.inMemory();
    try (Cluster cluster =
            Cluster.connect(
                ClusterConfig.kubeconfig(
                    "sandbox", SANDBOX.kubeconfig(), null, SANDBOX.namespace()));
        Autoscaler autoscaler =
            new Autoscaler(
                pool.cluster(),
                cluster.wholeCluster(),
                client,
                List.of(pool),
                Map.of(pool.name(), provider),
                log,
                Clock.systemUTC(),
                new Autoscaler.Timing(Duration.ofMillis(50), Duration.ofMillis(200)))) {
      autoscaler.start();

      PoolResize up = autoscaler.resize(pool.name(), 3, "test");

      assertThat(up.from()).isZero();
      assertThat(up.ordered()).isEqualTo(3);
      await().atMost(Duration.ofMinutes(1)).until(() -> waitingFor(autoscaler, pool, 3) == null);
      assertThat(provider.listOwned(pool.name())).hasSize(3);

      PoolResize down = autoscaler.resize(pool.name(), 1, "test");

      assertThat(down.from()).isEqualTo(3);
      assertThat(down.ordered()).isZero();
      assertThat(down.cordoned()).hasSize(2);
      assertThat(waitingFor(autoscaler, pool, 1)).isNotNull();
      await().atMost(Duration.ofMinutes(1)).until(() -> waitingFor(autoscaler, pool, 1) == null);
      assertThat(provider.listOwned(pool.name())).hasSize(1);
      for (String gone : down.cordoned()) {
        assertThat(client.nodes().withName(gone).get()).isNull();
      }
      assertThat(log.recent(pool.cluster(), 100))
          .extracting(ScalingEvent::reason)
          .contains("asked for by test: 0 → 3 nodes", "asked for by test: 3 → 1 nodes");
      assertThat(autoscaler.resize(pool.name(), 1, "test").ordered()).isZero();
      assertThatThrownBy(() -> autoscaler.resize(pool.name(), 5, "test"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "nodes: pool resized takes 0 to 4 nodes, not 5; ask for a number in that range or"
                  + " change the pool's bounds");
    }
  }

  private static String waitingFor(Autoscaler autoscaler, NodePool pool, int nodes) {
    return PoolResize.waitingFor(
        autoscaler.status().pools().stream()
            .filter(p -> p.name().equals(pool.name()))
            .findFirst()
            .orElse(null),
        nodes);
  }
}
