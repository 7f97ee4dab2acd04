package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Map;

/** What the autoscaler reads from nodes and pods in the informer caches. */
final class NodeFacts {

  /** The annotation that marks a node we are draining (survives a restart of the autoscaler). */
  static final String DRAINING = "container-cloud.io/draining";

  static final String SAFE_TO_EVICT = "cluster-autoscaler.kubernetes.io/safe-to-evict";

  private NodeFacts() {}

  static boolean ready(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return false;
    }
    for (NodeCondition c : node.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  static boolean draining(Node node) {
    Map<String, String> annotations = node.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(DRAINING);
  }

  /** A pod the scheduler tried and could not place. */
  static boolean unschedulable(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null
        || pod.getSpec() == null
        || pod.getSpec().getNodeName() != null
        || pod.getStatus() == null
        || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("PodScheduled".equals(c.getType())) {
        return "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason());
      }
    }
    return false;
  }

  /** A pod a drain leaves alone: made by a DaemonSet, or a static (mirror) pod. */
  static boolean staysOnItsNode(Pod pod) {
    if (pod.getMetadata().getAnnotations() != null
        && pod.getMetadata().getAnnotations().containsKey("kubernetes.io/config.mirror")) {
      return true;
    }
    if (pod.getMetadata().getOwnerReferences() != null) {
      for (OwnerReference o : pod.getMetadata().getOwnerReferences()) {
        if ("DaemonSet".equals(o.getKind())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Why a drain must not move this pod (safe-to-evict false, local storage), or null. */
  static String whyNotEvictable(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && "false".equals(annotations.get(SAFE_TO_EVICT))) {
      return "pod " + key(pod) + " is marked " + SAFE_TO_EVICT + "=false";
    }
    if (annotations != null && "true".equals(annotations.get(SAFE_TO_EVICT))) {
      return null;
    }
    if (pod.getSpec().getVolumes() != null) {
      for (Volume v : pod.getSpec().getVolumes()) {
        if (v.getEmptyDir() != null || v.getHostPath() != null) {
          return "pod " + key(pod) + " has local storage (volume " + v.getName() + ")";
        }
      }
    }
    return null;
  }

  static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
