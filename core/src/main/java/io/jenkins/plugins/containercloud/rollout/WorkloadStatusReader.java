package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.util.Map;
import java.util.Optional;

/** Reads a workload's {@link WorkloadStatus} from the cluster's informer caches or by a GET. */
public final class WorkloadStatusReader {

  private WorkloadStatusReader() {}

  /** How the reader finds a workload by name: in informer caches, or asking the API server. */
  private interface Lookup {
    Optional<ReplicationController> replicationController(String name);

    Optional<Deployment> deployment(String name);
  }

  /**
   * The status of {@code target}, from the namespace's informer caches (started on first use): for
   * callers that go on watching the namespace, such as a rollout.
   *
   * @throws InvalidRolloutException when the workload does not exist
   */
  public static WorkloadStatus read(Cluster cluster, WorkloadTarget target) {
    NamespaceState state = cluster.state(target.namespace());
    return read(
        new Lookup() {
          @Override
          public Optional<ReplicationController> replicationController(String name) {
            return state.replicationController(name);
          }

          @Override
          public Optional<Deployment> deployment(String name) {
            return state.deployment(name);
          }
        },
        target);
  }

  /**
   * The status of {@code target}, read with one or two GETs: for a one-shot question such as {@code
   * container-cloud status}, where starting and syncing the namespace's informers would take longer
   * than the answer.
   *
   * @throws InvalidRolloutException when the workload does not exist
   */
  public static WorkloadStatus readNow(KubernetesClient client, WorkloadTarget target) {
    String namespace = target.namespace();
    return read(
        new Lookup() {
          @Override
          public Optional<ReplicationController> replicationController(String name) {
            return Optional.ofNullable(
                client.replicationControllers().inNamespace(namespace).withName(name).get());
          }

          @Override
          public Optional<Deployment> deployment(String name) {
            return Optional.ofNullable(
                client.apps().deployments().inNamespace(namespace).withName(name).get());
          }
        },
        target);
  }

  private static WorkloadStatus read(Lookup lookup, WorkloadTarget target) {
    return switch (target.kind()) {
      case REPLICATION_CONTROLLER -> replicationController(lookup, target);
      case DEPLOYMENT -> deployment(lookup, target);
    };
  }

  private static WorkloadStatus replicationController(Lookup state, WorkloadTarget target) {
    ReplicationController rc =
        state
            .replicationController(target.name())
            .orElseThrow(() -> InvalidRolloutException.notFound(target));
    var status = rc.getStatus();
    int desired = ReplicationControllers.replicas(rc);
    String next = ReplicationControllers.annotationsOf(rc).get(Annotations.NEXT_CONTROLLER);
    boolean nextExists = next != null && state.replicationController(next).isPresent();
    int current = status == null || status.getReplicas() == null ? 0 : status.getReplicas();
    int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    int available =
        status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
    return new WorkloadStatus(
        target,
        desired,
        current,
        ready,
        available,
        nextExists ? 0 : current,
        PodTemplates.allImages(rc.getSpec().getTemplate()),
        null,
        nextExists ? "update to controller " + next : null);
  }

  private static WorkloadStatus deployment(Lookup state, WorkloadTarget target) {
    Deployment d =
        state.deployment(target.name()).orElseThrow(() -> InvalidRolloutException.notFound(target));
    var status = d.getStatus();
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int current = status == null || status.getReplicas() == null ? 0 : status.getReplicas();
    int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    int available =
        status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
    int updated =
        status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
    Map<String, String> annotations = d.getMetadata().getAnnotations();
    String revision = annotations == null ? null : annotations.get(Annotations.REVISION);
    boolean observed =
        status != null
            && status.getObservedGeneration() != null
            && status.getObservedGeneration() >= d.getMetadata().getGeneration();
    boolean rolling = !observed || updated != desired || current != updated || available != updated;
    return new WorkloadStatus(
        target,
        desired,
        current,
        ready,
        available,
        updated,
        PodTemplates.allImages(d.getSpec().getTemplate()),
        revision,
        rolling ? "revision " + revision + " rolling out" : null);
  }
}
