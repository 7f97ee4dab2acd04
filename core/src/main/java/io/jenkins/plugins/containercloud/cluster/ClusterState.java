package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The whole cluster as the dashboard shows it: cluster-wide informer caches of nodes, namespaces,
 * pods, services, workloads and events. Every read is served from the caches; listeners hear which
 * kind changed, so live pages follow the watch streams instead of polling the API server.
 */
public final class ClusterState implements AutoCloseable {

  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);

  private final ChangeSignal signal = new ChangeSignal();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final SharedIndexInformer<Node> nodes;
  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<ReplicationController> replicationControllers;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<Event> events;
  private volatile Duration informerLag = Duration.ZERO;

  ClusterState(KubernetesClient client) {
    nodes = inform("nodes", client.nodes().runnableInformer(0));
    namespaces = inform("namespaces", client.namespaces().runnableInformer(0));
    pods = inform("pods", client.pods().inAnyNamespace().runnableInformer(0));
    services = inform("services", client.services().inAnyNamespace().runnableInformer(0));
    replicationControllers =
        inform("workloads", client.replicationControllers().inAnyNamespace().runnableInformer(0));
    replicaSets =
        inform("workloads", client.apps().replicaSets().inAnyNamespace().runnableInformer(0));
    deployments =
        inform("workloads", client.apps().deployments().inAnyNamespace().runnableInformer(0));
    events = inform("events", client.v1().events().inAnyNamespace().runnableInformer(0));
    events.addEventHandler(
        new ResourceEventHandler<Event>() {
          @Override
          public void onAdd(Event event) {
            measureLag(event);
          }

          @Override
          public void onUpdate(Event oldEvent, Event event) {
            measureLag(event);
          }

          @Override
          public void onDelete(Event event, boolean deletedFinalStateUnknown) {}
        });
  }

  /**
   * Informer lag, measured on Kubernetes events: the time from when the API server stamped an event
   * to when it reached this cache. The first full list is skipped: its events are old, not late.
   */
  private void measureLag(Event event) {
    if (!events.hasSynced()) {
      return;
    }
    String stamp = event.getLastTimestamp();
    if (stamp == null && event.getEventTime() != null) {
      stamp = event.getEventTime().getTime();
    }
    if (stamp != null) {
      Duration lag = Duration.between(Instant.parse(stamp), Instant.now());
      informerLag = lag.isNegative() ? Duration.ZERO : lag;
    }
  }

  /** The lag of the newest Kubernetes event to reach the caches (see {@link #measureLag}). */
  public Duration informerLag() {
    return informerLag;
  }

  private <T extends HasMetadata> SharedIndexInformer<T> inform(
      String kind, SharedIndexInformer<T> informer) {
    informer.itemStore(new WithoutManagedFields<>());
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            changed(kind);
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            changed(kind);
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            changed(kind);
          }
        });
    return informer;
  }

  private void changed(String kind) {
    signal.signal();
    for (Consumer<String> listener : listeners) {
      listener.accept(kind);
    }
  }

  private List<SharedIndexInformer<?>> all() {
    return List.of(
        nodes,
        namespaces,
        pods,
        services,
        replicationControllers,
        replicaSets,
        deployments,
        events);
  }

  /** Starts every informer and waits until each has its first full list. */
  void start() {
    InformerSync.startAll(
        all(),
        SYNC_TIMEOUT,
        "in every namespace (the dashboard needs list and watch on them cluster-wide)");
  }

  public List<Node> nodes() {
    return nodes.getIndexer().list();
  }

  public List<Namespace> namespaces() {
    return namespaces.getIndexer().list();
  }

  public List<Pod> pods() {
    return pods.getIndexer().list();
  }

  public List<Service> services() {
    return services.getIndexer().list();
  }

  public List<ReplicationController> replicationControllers() {
    return replicationControllers.getIndexer().list();
  }

  public List<ReplicaSet> replicaSets() {
    return replicaSets.getIndexer().list();
  }

  public List<Deployment> deployments() {
    return deployments.getIndexer().list();
  }

  public List<Event> events() {
    return events.getIndexer().list();
  }

  /**
   * A counter that moves with every watch event; views computed at one value stay valid until it
   * moves.
   */
  public long generation() {
    return signal.generation();
  }

  /**
   * Calls {@code listener} with the kind that changed ({@code nodes}, {@code namespaces}, {@code
   * pods}, {@code services}, {@code workloads}, {@code events}) on every watch event, on the
   * informer's thread: keep it short.
   */
  public void addListener(Consumer<String> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<String> listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    all().forEach(SharedIndexInformer::stop);
  }

  /**
   * A cache that keeps objects without {@code metadata.managedFields}: no view reads them, and for
   * tens of thousands of pods and events they are tens of megabytes of the server's heap (the
   * dashboard benchmark).
   */
  private static final class WithoutManagedFields<T extends HasMetadata> extends BasicItemStore<T> {
    WithoutManagedFields() {
      super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public T put(String key, T obj) {
      if (obj.getMetadata() != null) {
        obj.getMetadata().setManagedFields(null);
      }
      return super.put(key, obj);
    }
  }
}
