package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool's machines matched to the cluster's nodes: by {@code spec.providerID} (what
 * cluster-autoscaler matches on), or by a node named after the machine.
 */
record PoolMachines(NodePool pool, List<Placed> machines) {

  /** A machine and its node, if it has joined. */
  record Placed(Machine machine, Node node) {
    boolean ready() {
      return node != null && NodeFacts.ready(node);
    }
  }

  static PoolMachines match(NodePool pool, List<Machine> machines, List<Node> nodes) {
    Map<String, Node> byProviderId = new HashMap<>();
    Map<String, Node> byName = new HashMap<>();
    for (Node node : nodes) {
      if (node.getSpec() != null && node.getSpec().getProviderID() != null) {
        byProviderId.put(node.getSpec().getProviderID(), node);
      }
      byName.put(node.getMetadata().getName(), node);
    }
    List<Placed> placed = new ArrayList<>();
    for (Machine m : machines) {
      Node node = m.providerId() == null ? null : byProviderId.get(m.providerId());
      if (node == null) {
        node = byName.get(m.id());
      }
      placed.add(new Placed(m, node));
    }
    return new PoolMachines(pool, placed);
  }

  PoolStatus status(String unavailableBecause, Map<String, Resources> usedByNode) {
    int ready = 0;
    int upcoming = 0;
    List<Resources> readyUsed = new ArrayList<>();
    for (Placed p : machines) {
      if (p.node() != null && NodeFacts.draining(p.node())) {
        continue; // leaving: no capacity for pending pods
      }
      if (p.ready()) {
        ready++;
        if (!Boolean.TRUE.equals(p.node().getSpec().getUnschedulable())) {
          readyUsed.add(usedByNode.getOrDefault(p.node().getMetadata().getName(), Resources.NONE));
        }
      } else {
        upcoming++;
      }
    }
    return new PoolStatus(ready, upcoming, unavailableBecause, readyUsed);
  }
}
