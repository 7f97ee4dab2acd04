package io.jenkins.plugins.containercloud.api;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.jenkins.plugins.containercloud.api.DashboardJson.ClusterEventView;
import io.jenkins.plugins.containercloud.api.DashboardJson.ClusterSummary;
import io.jenkins.plugins.containercloud.api.DashboardJson.Cpu;
import io.jenkins.plugins.containercloud.api.DashboardJson.EndpointPod;
import io.jenkins.plugins.containercloud.api.DashboardJson.Memory;
import io.jenkins.plugins.containercloud.api.DashboardJson.NodeCounts;
import io.jenkins.plugins.containercloud.api.DashboardJson.NodeView;
import io.jenkins.plugins.containercloud.api.DashboardJson.PodSlots;
import io.jenkins.plugins.containercloud.api.DashboardJson.PodView;
import io.jenkins.plugins.containercloud.api.DashboardJson.ServiceView;
import io.jenkins.plugins.containercloud.api.DashboardJson.Taint;
import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadCounts;
import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadView;
import io.jenkins.plugins.containercloud.cluster.ClusterState;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The dashboard's views of one cluster, computed from its informer caches. The views without
 * parameters are computed once per change of the caches and shared by every reader until the next
 * change, so a page view costs neither a request to the API server nor a recomputation.
 */
public final class ClusterViews {

  /** Labels that name a node's pool: ours first, then the common cloud and autoscaler ones. */
  private static final List<String> POOL_LABELS =
      List.of(
          "container-cloud.jenkins.io/pool",
          "karpenter.sh/nodepool",
          "eks.amazonaws.com/nodegroup",
          "cloud.google.com/gke-nodepool",
          "agentpool",
          "node.kubernetes.io/pool");

  private static final String ROLE_PREFIX = "node-role.kubernetes.io/";

  private final String cluster;
  private final ClusterState state;
  private final Clock clock;
  private final Memo<ClusterSummary> summary;
  private final Memo<List<NodeView>> nodes;
  private final Memo<List<WorkloadView>> workloads;
  private final Memo<List<PodView>> allPods;
  private final Memo<byte[]> allPodsJson;

  public ClusterViews(String cluster, ClusterState state, Clock clock) {
    this.cluster = cluster;
    this.state = state;
    this.clock = clock;
    this.nodes = new Memo<>(() -> nodeViews(state.nodes(), state.pods()));
    this.workloads =
        new Memo<>(
            () ->
                WorkloadViews.of(
                    state.deployments(),
                    state.replicationControllers(),
                    state.replicaSets(),
                    state.pods()));
    this.allPods = new Memo<>(() -> podViews(state.pods(), null, null, null));
    this.allPodsJson = new Memo<>(() -> json(page(allPods.get(), DEFAULT_POD_LIMIT)));
    this.summary =
        new Memo<>(
            () ->
                summary(
                    cluster,
                    clock.instant(),
                    nodes(),
                    state.pods(),
                    workloads.get(),
                    state.events()));
  }

  public ClusterState state() {
    return state;
  }

  public ClusterSummary summary() {
    return summary.get();
  }

  public List<NodeView> nodes() {
    return nodes.get();
  }

  /** The workloads, of one namespace or (null) all. */
  public List<WorkloadView> workloads(String namespace) {
    return workloads.get().stream()
        .filter(w -> namespace == null || namespace.equals(w.namespace()))
        .toList();
  }

  /** The names of the namespaces, sorted. */
  public List<String> namespaces() {
    TreeSet<String> names = new TreeSet<>();
    state.namespaces().forEach(n -> names.add(n.getMetadata().getName()));
    return List.copyOf(names);
  }

  /**
   * Pods, filtered by namespace, by workload ({@code Kind/name}: the pods it controls, a
   * Deployment's through its ReplicaSets) and by phase; null filters match everything.
   */
  public List<PodView> pods(String namespace, String workload, String phase) {
    if (namespace == null && workload == null && phase == null) {
      return allPods.get();
    }
    return podViews(state.pods(), namespace, workload, phase);
  }

  /** How many pods one answer carries unless asked for more; the rest are counted in total. */
  public static final int DEFAULT_POD_LIMIT = 500;

  /** How many pods one answer may carry at most. */
  public static final int MAX_POD_LIMIT = 5000;

  /**
   * The pods document, {@code {"pods": [the first limit], "total": N}}, as JSON ({@link
   * DashboardJson#MAPPER}). A big cluster's every pod is megabytes of JSON that no page shows at
   * once, so an answer carries at most {@code limit} and says how many matched. The unfiltered one
   * is written once per change of the caches and shared by every reader, like the views above: the
   * dashboard benchmark measured writing it per request as the costliest page of all.
   */
  public byte[] podsJson(String namespace, String workload, String phase, int limit) {
    if (namespace == null && workload == null && phase == null && limit == DEFAULT_POD_LIMIT) {
      return allPodsJson.get();
    }
    return json(page(pods(namespace, workload, phase), limit));
  }

  private static Map<String, Object> page(List<PodView> pods, int limit) {
    Map<String, Object> document = new java.util.LinkedHashMap<>();
    document.put("pods", pods.size() > limit ? pods.subList(0, limit) : pods);
    document.put("total", pods.size());
    return document;
  }

  private static byte[] json(Object document) {
    try {
      return DashboardJson.MAPPER.writeValueAsBytes(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the pods could not be written as JSON", e);
    }
  }

  /*
   * The views below are functions of lists of objects, whether they come from the caches or (in
   * the dashboard benchmark's anchor) from a LIST per request.
   */

  static List<PodView> podViews(List<Pod> pods, String namespace, String workload, String phase) {
    List<PodView> views = new ArrayList<>();
    for (Pod pod : pods) {
      String ns = pod.getMetadata().getNamespace();
      if (namespace != null && !namespace.equals(ns)) {
        continue;
      }
      if (phase != null && !phase.equals(PodFacts.phase(pod))) {
        continue;
      }
      String owner = PodFacts.owner(pod);
      if (workload != null && !belongsTo(pod, owner, workload)) {
        continue;
      }
      views.add(podView(pod, owner));
    }
    views.sort(Comparator.comparing(PodView::namespace).thenComparing(PodView::name));
    return views;
  }

  /** Services of one namespace (null: all) with the pods their selectors route to. */
  public List<ServiceView> services(String namespace) {
    Map<String, List<Pod>> podsByNamespace = new HashMap<>();
    for (Pod pod : state.pods()) {
      podsByNamespace
          .computeIfAbsent(pod.getMetadata().getNamespace(), k -> new ArrayList<>())
          .add(pod);
    }
    List<ServiceView> views = new ArrayList<>();
    for (Service service : state.services()) {
      String ns = service.getMetadata().getNamespace();
      if (namespace != null && !namespace.equals(ns)) {
        continue;
      }
      views.add(serviceView(service, podsByNamespace.getOrDefault(ns, List.of())));
    }
    views.sort(Comparator.comparing(ServiceView::namespace).thenComparing(ServiceView::name));
    return views;
  }

  /** Events, newest first: of one namespace and type (null: any), at most {@code limit}. */
  public List<ClusterEventView> events(String namespace, String type, int limit) {
    return state.events().stream()
        .filter(e -> namespace == null || namespace.equals(e.getMetadata().getNamespace()))
        .filter(e -> type == null || type.equals(e.getType()))
        .map(ClusterViews::eventView)
        .sorted(
            Comparator.comparing(
                ClusterEventView::lastSeen, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(limit)
        .toList();
  }

  static ClusterSummary summary(
      String cluster,
      Instant now,
      List<NodeView> nodeViews,
      List<Pod> pods,
      List<WorkloadView> workloads,
      List<Event> events) {
    int ready = 0;
    int cordoned = 0;
    long cpuRequested = 0;
    long cpuAllocatable = 0;
    long memoryRequested = 0;
    long memoryAllocatable = 0;
    long podsUsed = 0;
    long podsAllocatable = 0;
    for (NodeView node : nodeViews) {
      ready += node.ready() ? 1 : 0;
      cordoned += node.cordoned() ? 1 : 0;
      cpuRequested += node.cpu().requestedMillis();
      cpuAllocatable += node.cpu().allocatableMillis();
      memoryRequested += node.memory().requestedBytes();
      memoryAllocatable += node.memory().allocatableBytes();
      podsUsed += node.pods().used();
      podsAllocatable += node.pods().allocatable();
    }
    Map<String, Integer> phases = new LinkedHashMap<>();
    for (String phase : List.of("Pending", "Running", "Succeeded", "Failed", "Unknown")) {
      phases.put(phase, 0);
    }
    int unschedulable = 0;
    for (Pod pod : pods) {
      phases.merge(PodFacts.phase(pod), 1, Integer::sum);
      unschedulable += PodFacts.unschedulable(pod) ? 1 : 0;
    }
    Map<String, Integer> podCounts = new LinkedHashMap<>();
    podCounts.put("total", pods.size());
    podCounts.putAll(phases);
    int healthy = 0;
    int progressing = 0;
    int degraded = 0;
    int total = 0;
    for (WorkloadView w : workloads) {
      if (w.owner() != null) {
        continue; // counted through its Deployment
      }
      total++;
      switch (w.health()) {
        case WorkloadViews.HEALTHY -> healthy++;
        case WorkloadViews.DEGRADED -> degraded++;
        default -> progressing++;
      }
    }
    Instant hourAgo = now.minus(Duration.ofHours(1));
    int warnings = 0;
    for (Event event : events) {
      if ("Warning".equals(event.getType())) {
        String seen = lastSeen(event);
        if (seen != null && Instant.parse(seen).isAfter(hourAgo)) {
          warnings++;
        }
      }
    }
    return new ClusterSummary(
        cluster,
        now.toString(),
        new NodeCounts(nodeViews.size(), ready, cordoned),
        new Cpu(cpuRequested, cpuAllocatable),
        new Memory(memoryRequested, memoryAllocatable),
        new PodSlots(podsUsed, podsAllocatable),
        podCounts,
        new WorkloadCounts(total, healthy, progressing, degraded),
        unschedulable,
        warnings);
  }

  static List<NodeView> nodeViews(List<Node> nodes, List<Pod> pods) {
    Map<String, long[]> used = new HashMap<>(); // node → {cpu, memory, pods}
    for (Pod pod : pods) {
      if (PodResources.occupiesNode(pod)) {
        long[] sums = used.computeIfAbsent(pod.getSpec().getNodeName(), k -> new long[3]);
        sums[0] += PodResources.cpuMillis(pod);
        sums[1] += PodResources.memoryBytes(pod);
        sums[2]++;
      }
    }
    List<NodeView> views = new ArrayList<>();
    for (Node node : nodes) {
      String name = node.getMetadata().getName();
      long[] sums = used.getOrDefault(name, new long[3]);
      var allocatable =
          node.getStatus() == null || node.getStatus().getAllocatable() == null
              ? Map.<String, io.fabric8.kubernetes.api.model.Quantity>of()
              : node.getStatus().getAllocatable();
      views.add(
          new NodeView(
              name,
              nodeReady(node),
              Boolean.TRUE.equals(node.getSpec().getUnschedulable()),
              taints(node),
              pool(node),
              node.getMetadata().getCreationTimestamp(),
              roles(node),
              internalIp(node),
              node.getStatus() == null || node.getStatus().getNodeInfo() == null
                  ? null
                  : node.getStatus().getNodeInfo().getKubeletVersion(),
              new Cpu(sums[0], PodResources.cpuMillis(allocatable.get("cpu"))),
              new Memory(sums[1], PodResources.bytes(allocatable.get("memory"))),
              new PodSlots(sums[2], PodResources.count(allocatable.get("pods")))));
    }
    views.sort(Comparator.comparing(NodeView::name));
    return views;
  }

  private static boolean belongsTo(Pod pod, String owner, String workload) {
    if (workload.equals(owner)) {
      return true;
    }
    if (workload.startsWith("Deployment/") && owner != null && owner.startsWith("ReplicaSet/")) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      String hash = labels == null ? null : labels.get("pod-template-hash");
      String deployment = workload.substring("Deployment/".length());
      return hash != null && owner.equals("ReplicaSet/" + deployment + "-" + hash);
    }
    return false;
  }

  private static PodView podView(Pod pod, String owner) {
    List<String> images =
        pod.getSpec() == null
            ? List.of()
            : pod.getSpec().getContainers().stream().map(c -> c.getImage()).toList();
    return new PodView(
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        PodFacts.phase(pod),
        PodFacts.ready(pod),
        PodFacts.restarts(pod),
        pod.getSpec() == null ? null : pod.getSpec().getNodeName(),
        pod.getStatus() == null ? null : pod.getStatus().getPodIP(),
        images,
        owner,
        pod.getMetadata().getCreationTimestamp(),
        PodFacts.unschedulable(pod),
        PodFacts.notReadyReason(pod));
  }

  private static ServiceView serviceView(Service service, List<Pod> namespacePods) {
    Map<String, String> selector =
        service.getSpec().getSelector() == null ? Map.of() : service.getSpec().getSelector();
    List<EndpointPod> routed = new ArrayList<>();
    int ready = 0;
    if (!selector.isEmpty()) {
      for (Pod pod : namespacePods) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        if (labels == null || !labels.entrySet().containsAll(selector.entrySet())) {
          continue;
        }
        if (!PodResources.occupiesNode(pod)) {
          continue; // not running anywhere: the endpoints controller lists it nowhere
        }
        boolean podReady = PodFacts.ready(pod) && pod.getStatus().getPodIP() != null;
        ready += podReady ? 1 : 0;
        routed.add(
            new EndpointPod(
                pod.getMetadata().getName(),
                podReady,
                pod.getStatus().getPodIP(),
                pod.getSpec().getNodeName(),
                pod.getSpec().getContainers().stream().map(c -> c.getImage()).toList()));
      }
    }
    routed.sort(Comparator.comparing(EndpointPod::name));
    List<DashboardJson.ServicePort> ports = new ArrayList<>();
    if (service.getSpec().getPorts() != null) {
      for (ServicePort port : service.getSpec().getPorts()) {
        ports.add(
            new DashboardJson.ServicePort(
                port.getPort() == null ? 0 : port.getPort(),
                port.getTargetPort() == null
                    ? null
                    : port.getTargetPort().getStrVal() != null
                        ? port.getTargetPort().getStrVal()
                        : String.valueOf(port.getTargetPort().getIntVal()),
                port.getProtocol() == null ? "TCP" : port.getProtocol(),
                port.getName()));
      }
    }
    return new ServiceView(
        service.getMetadata().getNamespace(),
        service.getMetadata().getName(),
        service.getSpec().getType() == null ? "ClusterIP" : service.getSpec().getType(),
        service.getSpec().getClusterIP(),
        ports,
        selector,
        ready,
        routed.size(),
        routed);
  }

  private static ClusterEventView eventView(Event event) {
    var involved = event.getInvolvedObject();
    return new ClusterEventView(
        event.getMetadata().getNamespace(),
        event.getType(),
        event.getReason(),
        event.getMessage(),
        involved == null ? null : involved.getKind() + "/" + involved.getName(),
        event.getCount() == null ? 1 : event.getCount(),
        lastSeen(event));
  }

  /** When an event last happened, as an ISO instant: lastTimestamp, eventTime or creation. */
  private static String lastSeen(Event event) {
    String time = event.getLastTimestamp();
    if (time == null && event.getEventTime() != null) {
      time = event.getEventTime().getTime();
    }
    if (time == null) {
      time = event.getMetadata().getCreationTimestamp();
    }
    return time == null ? null : Instant.parse(time).toString();
  }

  private static boolean nodeReady(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return false;
    }
    for (NodeCondition condition : node.getStatus().getConditions()) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }

  private static List<Taint> taints(Node node) {
    if (node.getSpec().getTaints() == null) {
      return List.of();
    }
    return node.getSpec().getTaints().stream()
        .map(t -> new Taint(t.getKey(), t.getValue(), t.getEffect()))
        .toList();
  }

  private static String pool(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels();
    if (labels == null) {
      return null;
    }
    return POOL_LABELS.stream().map(labels::get).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static List<String> roles(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels();
    if (labels == null) {
      return List.of();
    }
    return labels.keySet().stream()
        .filter(k -> k.startsWith(ROLE_PREFIX))
        .map(k -> k.substring(ROLE_PREFIX.length()))
        .sorted()
        .toList();
  }

  private static String internalIp(Node node) {
    if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
      return null;
    }
    return node.getStatus().getAddresses().stream()
        .filter(a -> "InternalIP".equals(a.getType()))
        .map(NodeAddress::getAddress)
        .findFirst()
        .orElse(null);
  }

  /**
   * A value recomputed only when the caches have changed since, and then at most every {@link
   * #FRESH} — under heavy churn readers share a value that is a fraction of a second old — and at
   * least every {@link #STALE}, for what depends on the clock (warnings of the last hour).
   */
  private final class Memo<T> {
    private static final long FRESH = Duration.ofMillis(250).toNanos();
    private static final long STALE = Duration.ofSeconds(30).toNanos();
    private final Supplier<T> compute;
    private long generation = -1;
    private long computedAt;
    private T value;

    Memo(Supplier<T> compute) {
      this.compute = compute;
    }

    synchronized T get() {
      long now = state.generation();
      long age = System.nanoTime() - computedAt;
      if (value == null || (now != generation && age >= FRESH) || age >= STALE) {
        computedAt = System.nanoTime();
        generation = now;
        value = compute.get();
      }
      return value;
    }
  }
}
