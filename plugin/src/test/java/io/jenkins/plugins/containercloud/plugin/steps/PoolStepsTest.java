package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.plugin.pools.CommandProvider;
import io.jenkins.plugins.containercloud.plugin.pools.NodePoolSettings;
import io.jenkins.plugins.containercloud.plugin.pools.PoolsRuntime;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.SimulatedNodeProvider;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@code containerScale} and {@code containerCapacity} on the sandbox cluster: the pool
 * of the global configuration, its autoscaler made as the controller makes it ({@link
 * PoolsRuntime}), machines from the simulated provider (Ready nodes at once).
 */
class PoolStepsTest {

  @RegisterExtension static final SandboxCluster SANDBOX = new SandboxCluster();

  @TempDir Path history;

  private TestConfigurations.Counting configuration;
  private PoolsRuntime runtime;
  private FakeStepHost host;

  @BeforeEach
  void start() throws Exception {
    ClusterSettings cluster = new ClusterSettings("sandbox", "kubeconfig");
    cluster.setNamespace(SANDBOX.namespace());
    configuration = TestConfigurations.with(List.of(cluster), List.of(), history);
    NodePoolSettings pool = new NodePoolSettings("workers", "sandbox", new CommandProvider("true"));
    pool.setMaxNodes(4);
    pool.setCpu("2");
    pool.setMemory("4Gi");
    configuration.setNodePools(List.of(pool));
    CredentialResolver credentials =
        TestCredentials.resolver(
            TestCredentials.secretFile(
                "kubeconfig", "config", Files.readAllBytes(SANDBOX.kubeconfig())));
    runtime =
        PoolsRuntime.open(
            configuration,
            credentials,
            (p, owner) -> new SimulatedNodeProvider(SANDBOX.client(), owner),
            new Autoscaler.Timing(Duration.ofMillis(50), Duration.ofMillis(200)));
    runtime.scaling().start();
    host = new FakeStepHost(configuration, credentials, null).withScaling(runtime.scaling());
  }

  @AfterEach
  void stop() {
    runtime.close();
    configuration.close();
  }

  private Map<String, Object> scale(String pool, Integer nodes, String timeout) throws Exception {
    ContainerScaleStep step = new ContainerScaleStep(pool, nodes);
    step.setTimeout(timeout);
    return new ContainerScaleExecution(step, new FakeStepContext(), host.factory()).run();
  }

  private Map<String, Object> capacity(String pool, String cpu, String memory, String timeout)
      throws Exception {
    ContainerCapacityStep step = new ContainerCapacityStep();
    step.setPool(pool);
    step.setCpu(cpu);
    step.setMemory(memory);
    step.setTimeout(timeout);
    return new ContainerCapacityExecution(step, new FakeStepContext(), host.factory()).run();
  }

  @Test
  void containerScale_growsAndShrinksThePool_andContainerCapacitySeesTheRoom() throws Exception {
    Map<String, Object> up = scale("workers", 2, "1m");

    assertThat(up)
        .containsEntry("pool", "workers")
        .containsEntry("from", 0)
        .containsEntry("nodes", 2)
        .containsEntry("ordered", 2)
        .containsEntry("drained", List.of());
    assertThat(host.log())
        .contains("containerScale: pool workers has 0 machines; ordered 2; waiting for 2 Ready")
        .contains("containerScale: pool workers has 2 Ready nodes");

    Map<String, Object> room = capacity("workers", "3", "6Gi", "1m");
    assertThat(room)
        .containsEntry("cluster", "sandbox")
        .containsEntry("nodes", 2)
        .containsEntry("freeCpuMillis", 4000L)
        .containsEntry("freeMemoryBytes", 8L << 30);
    assertThatThrownBy(() -> capacity("workers", "5", null, "2s"))
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "containerCapacity: pool workers has not the room asked for after 2s: 4000m CPU free"
                + " of 5000m on 2 usable nodes");

    Map<String, Object> down = scale("workers", 1, "1m");

    assertThat(down).containsEntry("from", 2).containsEntry("nodes", 1).containsEntry("ordered", 0);
    assertThat((List<?>) down.get("drained")).hasSize(1);
    assertThat(capacity("workers", "2", null, "1m")).containsEntry("nodes", 1);
  }

  @Test
  void wrongArguments_failTheStep_namingTheArgument() {
    assertThatThrownBy(() -> scale(" ", 2, null))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("pool: name a node pool");
    assertThatThrownBy(() -> scale("workers", -1, null))
        .hasMessageStartingWith("nodes: give how many nodes the pool should have");
    assertThatThrownBy(() -> scale("workers", 9, null))
        .hasMessage(
            "containerScale: nodes: pool workers takes 0 to 4 nodes, not 9; ask for a number in"
                + " that range or change the pool's bounds");
    assertThatThrownBy(() -> scale("nightly", 1, null))
        .hasMessage("containerScale: no node pool nightly is configured");
    assertThatThrownBy(() -> scale("workers", 1, "soon"))
        .hasMessageStartingWith("timeout: 'soon' is not a duration");
    assertThatThrownBy(() -> capacity("workers", null, null, null))
        .hasMessageStartingWith("cpu, memory: give at least one");
    assertThatThrownBy(() -> capacity("workers", "lots", null, null))
        .hasMessageStartingWith("cpu: 'lots' is not a Kubernetes quantity");
    assertThatThrownBy(() -> capacity("gpu", "1", null, null))
        .hasMessageStartingWith("pool: no node pool named 'gpu' is configured");
  }

  @Test
  void withoutARunningAutoscaler_containerScaleSaysWhy() {
    host.withScaling(null);

    assertThatThrownBy(() -> scale("workers", 1, null))
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "containerScale: the autoscaler has not started: Jenkins is starting or stopping");
  }
}
