package io.jenkins.plugins.containercloud.sandbox;

import java.util.List;

/**
 * The sandbox's machines, standing in for an IaaS node pool: adding a node is a VM that boots and
 * joins the cluster; removing one is a VM that disappears (its pods are deleted, and their
 * controllers replace them elsewhere).
 */
public interface NodePool {

  /**
   * Adds a Ready node with the given capacity (also its allocatable), labelled {@code type:
   * sandbox}; returns once the node is Ready.
   *
   * @param cpu a Kubernetes quantity, e.g. {@code "4"} or {@code "500m"}
   * @param memory a Kubernetes quantity, e.g. {@code "8Gi"}
   */
  void addNode(String name, String cpu, String memory, int pods);

  /** Deletes the node; returns once it is gone. Unknown names are ignored. */
  void removeNode(String name);

  /** Marks the node unschedulable, as {@code kubectl cordon} does. */
  void cordon(String name);

  /** The names of the nodes, sorted. */
  List<String> nodeNames();
}
