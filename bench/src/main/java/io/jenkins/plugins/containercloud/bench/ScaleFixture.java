package io.jenkins.plugins.containercloud.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * Makes the testbed big for the dashboard benchmark and restores it afterwards: kwok nodes (created
 * as {@code testbed/add-node} makes them, through the API, in parallel) and namespaces of
 * Deployments and ReplicationControllers whose pods all schedule on them. Everything it makes
 * carries {@link #LABEL}, and {@link #remove} deletes exactly that — the testbed's own nodes stay.
 */
final class ScaleFixture {

  static final String LABEL = "container-cloud.jenkins.io/bench";
  static final String VALUE = "dashboard";
  static final String IMAGE = "127.0.0.1:5000/bench/web:v1";
  private static final int PARALLEL = 16;
  private static final Map<String, Quantity> NODE_CAPACITY =
      Map.of(
          "cpu", new Quantity("32"), "memory", new Quantity("64Gi"), "pods", new Quantity("110"));
  private static final Map<String, Quantity> POD_REQUESTS =
      Map.of("cpu", new Quantity("10m"), "memory", new Quantity("16Mi"));

  private final KubernetesClient client;
  private final int nodes;
  private final int namespaces;
  private final int workloadsPerNamespace;
  private final int replicas;

  ScaleFixture(
      KubernetesClient client, int nodes, int namespaces, int workloadsPerNamespace, int replicas) {
    this.client = client;
    this.nodes = nodes;
    this.namespaces = namespaces;
    this.workloadsPerNamespace = workloadsPerNamespace;
    this.replicas = replicas;
  }

  int pods() {
    return namespaces * workloadsPerNamespace * replicas;
  }

  int workloads() {
    return namespaces * workloadsPerNamespace;
  }

  /** Creates the nodes and waits until kwok made them Ready. */
  void createNodes(Duration timeout) throws Exception {
    List<Runnable> creates = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      Node node = node(String.format("bench-dashboard-%04d", i));
      creates.add(() -> client.nodes().resource(node).create());
    }
    parallel(creates);
    await(
        "nodes Ready",
        nodes,
        () ->
            (int)
                client.nodes().withLabel(LABEL, VALUE).list().getItems().stream()
                    .filter(Readiness::isNodeReady)
                    .count(),
        timeout);
  }

  /**
   * Creates the namespaces and workloads (three Deployments to one ReplicationController) and waits
   * until every replica is Ready — kwok marks a bound pod Running and Ready at once.
   */
  void createWorkloads(Duration timeout) throws Exception {
    List<Runnable> creates = new ArrayList<>();
    for (int n = 1; n <= namespaces; n++) {
      String namespace = namespace(n);
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(namespace)
                  .addToLabels(LABEL, VALUE)
                  .endMetadata()
                  .build())
          .create();
      for (int w = 1; w <= workloadsPerNamespace; w++) {
        HasMetadata workload = w % 4 == 0 ? rc("rc-" + w) : deployment("web-" + w);
        creates.add(() -> client.resource(workload).inNamespace(namespace).create());
      }
    }
    parallel(creates);
    await("pods Ready", pods(), this::readyReplicas, timeout);
  }

  static String namespace(int n) {
    return String.format("bench-dashboard-%02d", n);
  }

  private int readyReplicas() {
    int ready = 0;
    for (Deployment d :
        client.apps().deployments().inAnyNamespace().withLabel(LABEL, VALUE).list().getItems()) {
      ready +=
          d.getStatus() == null || d.getStatus().getReadyReplicas() == null
              ? 0
              : d.getStatus().getReadyReplicas();
    }
    for (ReplicationController rc :
        client
            .replicationControllers()
            .inAnyNamespace()
            .withLabel(LABEL, VALUE)
            .list()
            .getItems()) {
      ready +=
          rc.getStatus() == null || rc.getStatus().getReadyReplicas() == null
              ? 0
              : rc.getStatus().getReadyReplicas();
    }
    return ready;
  }

  /**
   * Deletes what this fixture (or an earlier, interrupted run) made: the namespaces first, waiting
   * until their pods are gone, then the nodes. Safe to call when nothing is there.
   */
  void remove(Duration timeout) throws Exception {
    deleteAll("namespaces", client.namespaces().withLabel(LABEL, VALUE), timeout);
    deleteAll("nodes", client.nodes().withLabel(LABEL, VALUE), timeout);
  }

  private static void deleteAll(
      String what,
      FilterWatchListDeletable<?, ? extends KubernetesResourceList<?>, ?> labelled,
      Duration timeout)
      throws InterruptedException {
    if (!labelled.list().getItems().isEmpty()) {
      labelled.delete();
      await(what + " deleted", 0, () -> labelled.list().getItems().size(), timeout);
    }
  }

  private static Node node(String name) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToAnnotations("kwok.x-k8s.io/node", "fake")
        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
        .addToLabels("type", "kwok")
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64")
        .addToLabels(LABEL, VALUE)
        .endMetadata()
        .withNewStatus()
        .withCapacity(NODE_CAPACITY)
        .withAllocatable(NODE_CAPACITY)
        .endStatus()
        .build();
  }

  private Deployment deployment(String name) {
    return new DeploymentBuilder()
        .withMetadata(labelled(name))
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(Map.of("app", name))
        .endSelector()
        .withTemplate(template(name))
        .endSpec()
        .build();
  }

  private ReplicationController rc(String name) {
    return new ReplicationControllerBuilder()
        .withMetadata(labelled(name))
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(Map.of("app", name))
        .withTemplate(template(name))
        .endSpec()
        .build();
  }

  private static ObjectMeta labelled(String name) {
    return new ObjectMetaBuilder().withName(name).addToLabels(LABEL, VALUE).build();
  }

  /** Small requests, and only on this fixture's nodes: the testbed's own stay free for others. */
  private static PodTemplateSpec template(String app) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(Map.of("app", app))
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(Map.of(LABEL, VALUE))
        .addNewContainer()
        .withName("web")
        .withImage(IMAGE)
        .withNewResources()
        .withRequests(POD_REQUESTS)
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private static void parallel(List<Runnable> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable task : tasks) {
        futures.add(pool.submit(task));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Polls {@code current} every 5 s, printing progress, until it equals {@code target}. */
  private static void await(String what, int target, IntSupplier current, Duration timeout)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    int last = -1;
    while (true) {
      int now = current.getAsInt();
      if (now != last) {
        System.err.printf(
            "  %-18s %6d / %d  (%d s)%n",
            what, now, target, (System.nanoTime() - start) / 1_000_000_000L);
        last = now;
      }
      if (now == target) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            what + ": " + now + " of " + target + " after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(5_000);
    }
  }
}
