package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a Ready node of a pool is unneeded: it runs no pods but DaemonSet and static ones, or it
 * is below the pool's utilisation threshold and each of its pods fits on another Ready node. A node
 * with a pod that must not be evicted (safe-to-evict false, local storage) is never unneeded.
 */
final class ScaleDownCheck {

  /** The verdict on one node: unneeded or not, and why. */
  record Verdict(boolean unneeded, String reason) {}

  private final Map<String, List<Pod>> podsByNode = new HashMap<>();
  private final List<Node> nodes;

  ScaleDownCheck(List<Node> nodes, List<Pod> pods) {
    this.nodes = nodes;
    for (Pod pod : pods) {
      if (PodResources.occupiesNode(pod)) {
        podsByNode.computeIfAbsent(pod.getSpec().getNodeName(), n -> new ArrayList<>()).add(pod);
      }
    }
  }

  /** The pods a drain of {@code node} would evict. */
  List<Pod> movable(String node) {
    return podsByNode.getOrDefault(node, List.of()).stream()
        .filter(p -> !NodeFacts.staysOnItsNode(p))
        .toList();
  }

  Verdict check(Node node, NodePool pool) {
    String name = node.getMetadata().getName();
    List<Pod> pods = movable(name);
    for (Pod pod : pods) {
      String why = NodeFacts.whyNotEvictable(pod);
      if (why != null) {
        return new Verdict(false, why);
      }
    }
    if (pods.isEmpty()) {
      return new Verdict(true, "runs no pods but DaemonSet and static ones");
    }
    Resources capacity = pool.template().allocatable();
    long cpu = pods.stream().mapToLong(PodResources::cpuMillis).sum();
    long memory = pods.stream().mapToLong(PodResources::memoryBytes).sum();
    double utilisation =
        Math.max((double) cpu / capacity.cpuMillis(), (double) memory / capacity.memoryBytes());
    if (utilisation >= pool.utilisationThreshold()) {
      return new Verdict(
          false,
          String.format(
              java.util.Locale.ROOT,
              "utilisation %.0f%% is at or above the threshold %.0f%%",
              utilisation * 100,
              pool.utilisationThreshold() * 100));
    }
    if (!fitElsewhere(name, pods)) {
      return new Verdict(false, "its pods do not fit on the other Ready nodes");
    }
    return new Verdict(
        true,
        String.format(
            java.util.Locale.ROOT,
            "utilisation %.0f%% is below %.0f%% and its %d pods fit on other nodes",
            utilisation * 100,
            pool.utilisationThreshold() * 100,
            pods.size()));
  }

  /** First fit of the pods onto the free requests of the other schedulable Ready nodes. */
  private boolean fitElsewhere(String leaving, List<Pod> pods) {
    Map<String, long[]> free = new HashMap<>();
    for (Node n : nodes) {
      String name = n.getMetadata().getName();
      boolean usable =
          !name.equals(leaving)
              && NodeFacts.ready(n)
              && !NodeFacts.draining(n)
              && !Boolean.TRUE.equals(n.getSpec().getUnschedulable());
      if (!usable || n.getStatus().getAllocatable() == null) {
        continue;
      }
      long cpu = PodResources.cpuMillis(n.getStatus().getAllocatable().get("cpu"));
      long memory = PodResources.bytes(n.getStatus().getAllocatable().get("memory"));
      long slots = PodResources.count(n.getStatus().getAllocatable().get("pods"));
      for (Pod p : podsByNode.getOrDefault(name, List.of())) {
        cpu -= PodResources.cpuMillis(p);
        memory -= PodResources.memoryBytes(p);
        slots--;
      }
      free.put(name, new long[] {cpu, memory, slots});
    }
    for (Pod pod : pods) {
      long cpu = PodResources.cpuMillis(pod);
      long memory = PodResources.memoryBytes(pod);
      long[] target = null;
      for (long[] f : free.values()) {
        if (f[0] >= cpu && f[1] >= memory && f[2] >= 1) {
          target = f;
          break;
        }
      }
      if (target == null) {
        return false;
      }
      target[0] -= cpu;
      target[1] -= memory;
      target[2]--;
    }
    return true;
  }
}
