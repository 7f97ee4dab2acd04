package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The informer caches of one namespace: pods, ReplicationControllers, ReplicaSets, Deployments and
 * events. Reads are served from the caches; {@link #await} wakes on watch events.
 */
public final class NamespaceState implements AutoCloseable {

  private static final String OWNER_INDEX = "owner-uid";
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);

  /**
   * How often a waiting condition is re-evaluated against the caches without an event: conditions
   * such as minReadySeconds depend on the clock, not only on the watch stream. No API request is
   * made by a re-evaluation.
   */
  private static final Duration CLOCK_RECHECK = Duration.ofMillis(500);

  private final String namespace;
  private final ChangeSignal signal = new ChangeSignal();
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<ReplicationController> replicationControllers;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<Event> events;

  NamespaceState(KubernetesClient client, String namespace) {
    this.namespace = namespace;
    this.pods = inform(client.pods().inNamespace(namespace).runnableInformer(0));
    this.replicationControllers =
        inform(client.replicationControllers().inNamespace(namespace).runnableInformer(0));
    this.replicaSets =
        inform(client.apps().replicaSets().inNamespace(namespace).runnableInformer(0));
    this.deployments =
        inform(client.apps().deployments().inNamespace(namespace).runnableInformer(0));
    this.events = inform(client.v1().events().inNamespace(namespace).runnableInformer(0));
    pods.addIndexers(Map.of(OWNER_INDEX, NamespaceState::ownerUids));
    replicaSets.addIndexers(Map.of(OWNER_INDEX, NamespaceState::ownerUids));
  }

  private <T extends HasMetadata> SharedIndexInformer<T> inform(SharedIndexInformer<T> informer) {
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            signal.signal();
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            signal.signal();
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            signal.signal();
          }
        });
    return informer;
  }

  void start() {
    List<SharedIndexInformer<?>> all =
        List.of(pods, replicationControllers, replicaSets, deployments, events);
    InformerSync.startAll(all, SYNC_TIMEOUT, "in namespace " + namespace);
  }

  public String namespace() {
    return namespace;
  }

  public Optional<ReplicationController> replicationController(String name) {
    return Optional.ofNullable(replicationControllers.getIndexer().getByKey(key(name)));
  }

  public List<ReplicationController> replicationControllers() {
    return replicationControllers.getIndexer().list();
  }

  public Optional<Deployment> deployment(String name) {
    return Optional.ofNullable(deployments.getIndexer().getByKey(key(name)));
  }

  public Optional<ReplicaSet> replicaSet(String name) {
    return Optional.ofNullable(replicaSets.getIndexer().getByKey(key(name)));
  }

  /** The ReplicaSets whose controller is the object with this uid. */
  public List<ReplicaSet> replicaSetsOwnedBy(String ownerUid) {
    return replicaSets.getIndexer().byIndex(OWNER_INDEX, ownerUid);
  }

  /** The pods whose controller is the object with this uid. */
  public List<Pod> podsOwnedBy(String ownerUid) {
    return pods.getIndexer().byIndex(OWNER_INDEX, ownerUid);
  }

  /** The pods whose labels include every entry of {@code selector}. */
  public List<Pod> podsMatching(Map<String, String> selector) {
    List<Pod> matching = new ArrayList<>();
    for (Pod pod : pods.getIndexer().list()) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      if (labels != null && labels.entrySet().containsAll(selector.entrySet())) {
        matching.add(pod);
      }
    }
    return matching;
  }

  /** Events about the named object, oldest first. */
  public List<Event> eventsAbout(String kind, String name) {
    return events.getIndexer().list().stream()
        .filter(e -> e.getInvolvedObject() != null)
        .filter(e -> kind.equals(e.getInvolvedObject().getKind()))
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .sorted(Comparator.comparing(NamespaceState::eventTime))
        .toList();
  }

  /**
   * Waits until {@code condition} yields a value, re-evaluating it on every watch event.
   *
   * @throws TimeoutException when {@code timeout} passes first
   */
  public <T> T await(Supplier<Optional<T>> condition, Duration timeout, String what)
      throws InterruptedException, TimeoutException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      long seen = signal.generation();
      Optional<T> value = condition.get();
      if (value.isPresent()) {
        return value.get();
      }
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new TimeoutException("timed out after " + timeout + " waiting for " + what);
      }
      signal.awaitChangeAfter(seen, ChangeSignal.min(left, CLOCK_RECHECK));
    }
  }

  /**
   * A counter that moves on every watch event in this namespace. Read it before looking at the
   * caches and pass it to {@link #awaitChangeAfter}, so that an event arriving in between is not
   * missed.
   */
  public long changeCount() {
    return signal.generation();
  }

  /** Waits until an event arrives after {@code changeCount} was read, at most {@code timeout}. */
  public void awaitChangeAfter(long changeCount, Duration timeout) throws InterruptedException {
    signal.awaitChangeAfter(changeCount, timeout);
  }

  @Override
  public void close() {
    List.of(pods, replicationControllers, replicaSets, deployments, events)
        .forEach(SharedIndexInformer::stop);
  }

  private String key(String name) {
    return namespace + "/" + name;
  }

  private static List<String> ownerUids(HasMetadata object) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    if (owners == null) {
      return List.of();
    }
    return owners.stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .map(OwnerReference::getUid)
        .toList();
  }

  private static String eventTime(Event event) {
    String time = event.getLastTimestamp();
    if (time == null) {
      time = event.getEventTime() == null ? null : event.getEventTime().getTime();
    }
    if (time == null) {
      time = event.getMetadata().getCreationTimestamp();
    }
    return time == null ? "" : time;
  }
}
