package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cordons a node and evicts its pods through the Eviction API, one step per call, so that
 * PodDisruptionBudgets are honoured (a refused eviction is tried again on the next step, never
 * forced). The node carries {@link NodeFacts#DRAINING} from the first step, so a restarted
 * autoscaler finishes the drain it started.
 */
final class NodeDrain {

  /** Where a drain stands after a step: done, or the pods whose eviction was refused. */
  record Step(boolean done, List<String> refused) {}

  private final KubernetesClient client;

  NodeDrain(KubernetesClient client) {
    this.client = client;
  }

  /** Marks the node as draining and unschedulable. */
  void cordon(Node node, Instant at) {
    client
        .nodes()
        .withName(node.getMetadata().getName())
        .edit(
            n -> {
              n.getSpec().setUnschedulable(true);
              if (n.getMetadata().getAnnotations() == null) {
                n.getMetadata().setAnnotations(new java.util.HashMap<>());
              }
              n.getMetadata().getAnnotations().put(NodeFacts.DRAINING, at.toString());
              return n;
            });
  }

  /** Gives up a drain: the node takes pods again. */
  void uncordon(String node) {
    client
        .nodes()
        .withName(node)
        .edit(
            n -> {
              n.getSpec().setUnschedulable(false);
              Map<String, String> annotations = n.getMetadata().getAnnotations();
              if (annotations != null) {
                annotations.remove(NodeFacts.DRAINING);
              }
              return n;
            });
  }

  /** Asks for the eviction of every pod still on the node that a drain moves. */
  Step step(List<Pod> movable) {
    List<String> refused = new ArrayList<>();
    for (Pod pod : movable) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue; // already going
      }
      try {
        boolean evicted =
            client
                .pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .evict();
        if (!evicted) {
          refused.add(NodeFacts.key(pod));
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          refused.add(NodeFacts.key(pod) + " (" + e.getCode() + ")");
        }
      }
    }
    return new Step(movable.isEmpty(), refused);
  }
}
