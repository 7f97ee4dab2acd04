package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link CapacityCheck}: free room from nodes and the pods bound to them. */
class CapacityCheckTest {

  private static Node node(String name, String pool, boolean ready, boolean cordoned) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(pool == null ? Map.of() : Map.of(NodePool.POOL_LABEL, pool))
        .endMetadata()
        .withNewSpec()
        .withUnschedulable(cordoned)
        .endSpec()
        .withNewStatus()
        .addToAllocatable("cpu", new Quantity("4"))
        .addToAllocatable("memory", new Quantity("8Gi"))
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod pod(String node, String cpu, String memory, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p-" + node + "-" + cpu)
        .withNamespace("apps")
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .addNewContainer()
        .withName("c")
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory))
        .endResources()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }

  private final List<Node> nodes =
      List.of(
          node("w1", "workers", true, false),
          node("w2", "workers", true, false),
          node("w3", "workers", false, false),
          node("w4", "workers", true, true),
          node("other", null, true, false));

  @Test
  void free_isAllocatableMinusRequests_ofReadyUncordonedNodes_ofThePool() {
    List<Pod> pods =
        List.of(
            pod("w1", "1500m", "2Gi", "Running"),
            pod("w2", "4", "1Gi", "Running"),
            // Finished pods hold nothing; pods of unusable nodes do not matter.
            pod("w2", "2", "2Gi", "Succeeded"),
            pod("w4", "1", "1Gi", "Running"));

    CapacityCheck.Free free = CapacityCheck.free(nodes, pods, "workers");

    assertThat(free.nodes()).isEqualTo(2);
    assertThat(free.cpuMillis()).isEqualTo(2500);
    assertThat(free.memoryBytes()).isEqualTo((6L + 7) * 1024 * 1024 * 1024);
    assertThat(CapacityCheck.free(nodes, pods, null).nodes()).isEqualTo(3);
    assertThat(CapacityCheck.free(nodes, pods, null).cpuMillis()).isEqualTo(6500);
    assertThat(CapacityCheck.free(nodes, pods, "nobody").nodes()).isZero();
  }

  @Test
  void shortfall_namesWhatIsMissing_orIsNullWhenItFits() {
    CapacityCheck.Free free = CapacityCheck.free(nodes, List.of(), "workers");

    assertThat(free.shortfall(8000, 16L * 1024 * 1024 * 1024)).isNull();
    assertThat(free.shortfall(9000, 0)).isEqualTo("8000m CPU free of 9000m on 2 usable nodes");
    assertThat(free.shortfall(9000, 17L * 1024 * 1024 * 1024))
        .isEqualTo("8000m CPU free of 9000m, 16384 Mi memory free of 17408 Mi on 2 usable nodes");
  }
}
