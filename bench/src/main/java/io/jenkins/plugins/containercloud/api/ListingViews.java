package io.jenkins.plugins.containercloud.api;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.api.DashboardJson.ClusterEntry;
import io.jenkins.plugins.containercloud.api.DashboardJson.NodeView;
import io.jenkins.plugins.containercloud.api.DashboardJson.PodView;
import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadView;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard benchmark's naive anchor: the same views as {@link ClusterViews}, computed by the
 * same functions, but from a LIST per request instead of the informer caches. It lives in the
 * {@code api} package (in the bench module) only to call those package-private functions; nothing
 * in the product uses it.
 */
public final class ListingViews {

  private final String cluster;
  private final String server;
  private final String version;
  private final KubernetesClient client;

  public ListingViews(String cluster, String server, String version, KubernetesClient client) {
    this.cluster = cluster;
    this.server = server;
    this.version = version;
    this.client = client;
  }

  /** The Overview's entry: LISTs nodes, pods, Deployments, ReplicaSets, RCs and events. */
  public List<ClusterEntry> clusters() {
    List<Pod> pods = pods();
    var summary =
        ClusterViews.summary(
            cluster,
            Instant.now(),
            ClusterViews.nodeViews(client.nodes().list().getItems(), pods),
            pods,
            workloads(pods),
            client.v1().events().inAnyNamespace().list().getItems());
    return List.of(new ClusterEntry(cluster, server, version, false, "connected", null, summary));
  }

  /** LISTs nodes and pods. */
  public List<NodeView> nodes() {
    return ClusterViews.nodeViews(client.nodes().list().getItems(), pods());
  }

  /** LISTs Deployments, RCs, ReplicaSets and pods. */
  public List<WorkloadView> workloads() {
    return workloads(pods());
  }

  /** LISTs pods, of one namespace or (null) all. */
  public List<PodView> pods(String namespace, String workload, String phase) {
    List<Pod> pods =
        namespace == null ? pods() : client.pods().inNamespace(namespace).list().getItems();
    return ClusterViews.podViews(pods, namespace, workload, phase);
  }

  private List<Pod> pods() {
    return client.pods().inAnyNamespace().list().getItems();
  }

  private List<WorkloadView> workloads(List<Pod> pods) {
    return WorkloadViews.of(
        client.apps().deployments().inAnyNamespace().list().getItems(),
        client.replicationControllers().inAnyNamespace().list().getItems(),
        client.apps().replicaSets().inAnyNamespace().list().getItems(),
        pods);
  }
}
