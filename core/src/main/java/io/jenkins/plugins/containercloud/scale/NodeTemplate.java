package io.jenkins.plugins.containercloud.scale;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every node of a pool looks like: its allocatable resources, labels and taints as the
 * scheduler will see them, and what the provider is asked for (instance type or flavour, image,
 * network).
 */
public record NodeTemplate(
    Resources allocatable,
    Map<String, String> labels,
    List<Taint> taints,
    String instanceType,
    String image,
    String network) {

  public NodeTemplate {
    Objects.requireNonNull(allocatable, "allocatable");
    if (allocatable.cpuMillis() == 0 || allocatable.memoryBytes() == 0 || allocatable.pods() == 0) {
      throw new IllegalArgumentException(
          "template: cpu, memory and pods must all be above zero (" + allocatable + ")");
    }
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    taints = taints == null ? List.of() : List.copyOf(taints);
  }
}
