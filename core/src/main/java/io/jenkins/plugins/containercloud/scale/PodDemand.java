package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a pending pod needs from a node, as the planner sees it: its requests, node selector,
 * tolerations, required node affinity, and required anti-affinity by host name (at most one pod
 * matching the selector per node).
 */
public record PodDemand(
    String namespace,
    String name,
    Resources requests,
    Map<String, String> labels,
    Map<String, String> nodeSelector,
    List<Toleration> tolerations,
    List<NodeSelectorTerm> requiredNodeAffinity,
    List<LabelSelector> hostnameAntiAffinity) {

  static final String HOSTNAME = "kubernetes.io/hostname";

  public PodDemand {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    requiredNodeAffinity =
        requiredNodeAffinity == null ? List.of() : List.copyOf(requiredNodeAffinity);
    hostnameAntiAffinity =
        hostnameAntiAffinity == null ? List.of() : List.copyOf(hostnameAntiAffinity);
  }

  /** A pod that asks only for resources. */
  public static PodDemand simple(String namespace, String name, long cpuMillis, long memoryBytes) {
    return new PodDemand(
        namespace,
        name,
        new Resources(cpuMillis, memoryBytes, 1),
        Map.of(),
        Map.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** Reads what {@code pod} needs from its spec. */
  public static PodDemand of(Pod pod) {
    PodSpec spec = pod.getSpec();
    Resources requests =
        new Resources(PodResources.cpuMillis(pod), PodResources.memoryBytes(pod), 1);
    List<NodeSelectorTerm> terms = List.of();
    List<LabelSelector> anti = new ArrayList<>();
    Affinity affinity = spec.getAffinity();
    if (affinity != null && affinity.getNodeAffinity() != null) {
      var required = affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      if (required != null && required.getNodeSelectorTerms() != null) {
        terms = required.getNodeSelectorTerms();
      }
    }
    if (affinity != null && affinity.getPodAntiAffinity() != null) {
      List<PodAffinityTerm> required =
          affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      if (required != null) {
        for (PodAffinityTerm term : required) {
          if (HOSTNAME.equals(term.getTopologyKey()) && term.getLabelSelector() != null) {
            anti.add(term.getLabelSelector());
          }
        }
      }
    }
    return new PodDemand(
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        requests,
        pod.getMetadata().getLabels(),
        spec.getNodeSelector(),
        spec.getTolerations(),
        terms,
        anti);
  }

  /** {@code namespace/name}. */
  public String key() {
    return namespace + "/" + name;
  }

  /** Whether this pod and {@code other} may not share a node. */
  boolean repels(PodDemand other) {
    if (!namespace.equals(other.namespace)) {
      return false;
    }
    for (LabelSelector s : hostnameAntiAffinity) {
      if (Selectors.matches(s, other.labels)) {
        return true;
      }
    }
    for (LabelSelector s : other.hostnameAntiAffinity) {
      if (Selectors.matches(s, labels)) {
        return true;
      }
    }
    return false;
  }
}
