package io.jenkins.plugins.containercloud.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.api.DashboardJson.ClusterEntry;
import io.jenkins.plugins.containercloud.api.DashboardJson.NodeView;
import io.jenkins.plugins.containercloud.api.DashboardJson.PodView;
import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The dashboard benchmark's naive anchor: the same views as {@link ClusterViews}, computed by the
 * same functions, but from a LIST per request instead of the informer caches. It lives in the
 * {@code api} package (in the bench module) only to call those package-private functions; nothing
 * in the product uses it. It counts its LISTs itself: its client is a plain fabric8 client, with a
 * request timeout long enough for a LIST of every pod under load.
 */
public final class ListingViews {

  private final String cluster;
  private final String server;
  private final String version;
  private final KubernetesClient client;
  private final AtomicLong lists = new AtomicLong();

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
            ClusterViews.nodeViews(list(() -> client.nodes().list()), pods),
            pods,
            workloads(pods),
            list(() -> client.v1().events().inAnyNamespace().list()));
    return List.of(new ClusterEntry(cluster, server, version, false, "connected", null, summary));
  }

  /** LISTs nodes and pods. */
  public List<NodeView> nodes() {
    return ClusterViews.nodeViews(list(() -> client.nodes().list()), pods());
  }

  /** LISTs Deployments, RCs, ReplicaSets and pods. */
  public List<WorkloadView> workloads() {
    return workloads(pods());
  }

  /** LISTs pods, of one namespace or (null) all. */
  public List<PodView> pods(String namespace, String workload, String phase) {
    List<Pod> pods =
        namespace == null ? pods() : list(() -> client.pods().inNamespace(namespace).list());
    return ClusterViews.podViews(pods, namespace, workload, phase);
  }

  private List<Pod> pods() {
    return list(() -> client.pods().inAnyNamespace().list());
  }

  private List<WorkloadView> workloads(List<Pod> pods) {
    return WorkloadViews.of(
        list(() -> client.apps().deployments().inAnyNamespace().list()),
        list(() -> client.replicationControllers().inAnyNamespace().list()),
        list(() -> client.apps().replicaSets().inAnyNamespace().list()),
        pods);
  }

  private <T extends HasMetadata> List<T> list(
      Supplier<? extends KubernetesResourceList<T>> request) {
    lists.incrementAndGet();
    return request.get().getItems();
  }

  /** How many LISTs these views have sent. */
  public long listCount() {
    return lists.get();
  }
}
