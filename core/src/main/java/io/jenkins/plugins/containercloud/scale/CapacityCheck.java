package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster (or one node pool) can still schedule, from the informers' caches: the
 * allocatable CPU and memory of its Ready, schedulable nodes minus what the pods on them request.
 * Taints and affinities are not considered: it answers "is there that much room", not "would this
 * pod fit".
 */
public final class CapacityCheck {

  /** Free room on {@code nodes} usable nodes, CPU in millicores and memory in bytes. */
  public record Free(int nodes, long cpuMillis, long memoryBytes) {

    /** Why {@code cpuMillis} and {@code memoryBytes} do not fit, or null when they do. */
    public String shortfall(long wantedCpuMillis, long wantedMemoryBytes) {
      StringBuilder missing = new StringBuilder();
      if (cpuMillis < wantedCpuMillis) {
        missing.append(cpuMillis).append("m CPU free of ").append(wantedCpuMillis).append("m");
      }
      if (memoryBytes < wantedMemoryBytes) {
        if (!missing.isEmpty()) {
          missing.append(", ");
        }
        missing
            .append(mebibytes(memoryBytes))
            .append(" Mi memory free of ")
            .append(mebibytes(wantedMemoryBytes))
            .append(" Mi");
      }
      return missing.isEmpty() ? null : missing + " on " + nodes + " usable nodes";
    }

    private static long mebibytes(long bytes) {
      return bytes / (1024 * 1024);
    }
  }

  private CapacityCheck() {}

  /**
   * The free room of the Ready, uncordoned, not draining nodes; of pool {@code pool} only when it
   * is not null.
   */
  public static Free free(List<Node> nodes, List<Pod> pods, String pool) {
    Map<String, long[]> used = new HashMap<>();
    for (Pod pod : pods) {
      if (PodResources.occupiesNode(pod)) {
        long[] u = used.computeIfAbsent(pod.getSpec().getNodeName(), n -> new long[2]);
        u[0] += PodResources.cpuMillis(pod);
        u[1] += PodResources.memoryBytes(pod);
      }
    }
    int count = 0;
    long cpu = 0;
    long memory = 0;
    for (Node node : nodes) {
      if (!usable(node, pool)) {
        continue;
      }
      Map<String, Quantity> allocatable = node.getStatus().getAllocatable();
      if (allocatable == null) {
        continue;
      }
      long[] u = used.getOrDefault(node.getMetadata().getName(), new long[2]);
      count++;
      cpu += Math.max(0, PodResources.cpuMillis(allocatable.get("cpu")) - u[0]);
      memory += Math.max(0, PodResources.bytes(allocatable.get("memory")) - u[1]);
    }
    return new Free(count, cpu, memory);
  }

  private static boolean usable(Node node, String pool) {
    if (!NodeFacts.ready(node) || NodeFacts.draining(node)) {
      return false;
    }
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      return false;
    }
    if (pool == null) {
      return true;
    }
    Map<String, String> labels = node.getMetadata().getLabels();
    return labels != null && pool.equals(labels.get(NodePool.POOL_LABEL));
  }
}
