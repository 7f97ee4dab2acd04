package io.jenkins.plugins.containercloud.plugin.action;

/** A workload a job deploys to: cluster, namespace, kind ({@code Deployment}...) and name. */
public record WorkloadRef(String cluster, String namespace, String kind, String name) {

  /** {@code cluster / namespace / Kind name}, as the page shows it. */
  @Override
  public String toString() {
    return cluster + " / " + namespace + " / " + kind + " " + name;
  }

  public String getCluster() {
    return cluster;
  }

  public String getNamespace() {
    return namespace;
  }

  public String getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }
}
