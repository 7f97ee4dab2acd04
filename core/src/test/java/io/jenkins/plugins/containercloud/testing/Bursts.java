package io.jenkins.plugins.containercloud.testing;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/**
 * Bursts of pods for autoscaling tests and benchmarks: a Deployment whose pods carry {@code
 * app=name}, request the given CPU and memory, and fit only on nodes labelled {@code tier=name}
 * (the node pool's template label).
 */
public final class Bursts {

  private Bursts() {}

  public static Deployment deployment(
      String namespace, String name, int replicas, String cpu, String memory) {
    return deployment(namespace, name, replicas, cpu, memory, Map.of());
  }

  /** The same, its pods annotated (e.g. {@code safe-to-evict}). */
  public static Deployment deployment(
      String namespace,
      String name,
      int replicas,
      String cpu,
      String memory,
      Map<String, String> annotations) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .addToNodeSelector("tier", name)
        .addNewContainer()
        .withName("work")
        .withImage("registry.invalid/burst:1")
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory))
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
