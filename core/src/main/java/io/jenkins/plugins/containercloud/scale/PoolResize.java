package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import io.jenkins.plugins.containercloud.scale.PoolMachines.Placed;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool brought to a number of nodes by hand: from how many machines, to how many, how many were
 * ordered and which nodes were cordoned to leave; and when the pool has got there.
 */
public record PoolResize(String pool, int from, int to, int ordered, List<String> cordoned) {

  public PoolResize {
    cordoned = List.copyOf(cordoned);
  }

  /** Fails naming {@code nodes} when {@code target} is outside the pool's bounds. */
  static void checkTarget(NodePool pool, int target) {
    if (target < pool.min() || target > pool.max()) {
      throw new IllegalArgumentException(
          "nodes: pool "
              + pool.name()
              + " takes "
              + pool.min()
              + " to "
              + pool.max()
              + " nodes, not "
              + target
              + "; ask for a number in that range or change the pool's bounds");
    }
  }

  /**
   * The {@code count} Ready nodes to remove, those with the fewest pods first (least to move).
   *
   * @throws IllegalArgumentException when fewer are Ready: machines still joining cannot be drained
   */
  static List<Node> toRemove(List<Placed> staying, List<Pod> pods, int count) {
    if (count <= 0) {
      return List.of();
    }
    Map<String, Integer> podsByNode = new HashMap<>();
    for (Pod pod : pods) {
      if (PodResources.occupiesNode(pod)) {
        podsByNode.merge(pod.getSpec().getNodeName(), 1, Integer::sum);
      }
    }
    List<Node> ready =
        staying.stream()
            .filter(Placed::ready)
            .map(Placed::node)
            .sorted(
                Comparator.comparingInt(
                        (Node n) -> podsByNode.getOrDefault(n.getMetadata().getName(), 0))
                    .thenComparing(n -> n.getMetadata().getName()))
            .toList();
    if (ready.size() < count) {
      throw new IllegalArgumentException(
          "nodes: only "
              + ready.size()
              + " of the pool's machines are Ready nodes and "
              + count
              + " must go; wait until the others have joined, then ask again");
    }
    return ready.subList(0, count);
  }

  /**
   * What the pool still lacks to have exactly {@code target} Ready nodes and nothing coming or
   * leaving, or null when it has it.
   */
  public static String waitingFor(ScalingStatus.PoolView pool, int target) {
    if (pool == null) {
      return "the autoscaler has not looked at the pool yet";
    }
    if (pool.ready() == target && pool.upcoming() == 0 && pool.draining() == 0) {
      return null;
    }
    return pool.ready()
        + " of "
        + target
        + " nodes Ready, "
        + pool.upcoming()
        + " coming, "
        + pool.draining()
        + " draining";
  }
}
