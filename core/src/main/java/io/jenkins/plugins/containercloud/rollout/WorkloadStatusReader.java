package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.util.Map;

/** Reads a workload's {@link WorkloadStatus} from the cluster's informer caches. */
public final class WorkloadStatusReader {

  private WorkloadStatusReader() {}

  /**
   * The status of {@code target}.
   *
   * @throws InvalidRolloutException when the workload does not exist
   */
  public static WorkloadStatus read(Cluster cluster, WorkloadTarget target) {
    NamespaceState state = cluster.state(target.namespace());
    return switch (target.kind()) {
      case REPLICATION_CONTROLLER -> replicationController(state, target);
      case DEPLOYMENT -> deployment(state, target);
    };
  }

  private static WorkloadStatus replicationController(NamespaceState state, WorkloadTarget target) {
    ReplicationController rc =
        state.replicationController(target.name()).orElseThrow(() -> missing(target));
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

  private static WorkloadStatus deployment(NamespaceState state, WorkloadTarget target) {
    Deployment d = state.deployment(target.name()).orElseThrow(() -> missing(target));
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

  private static InvalidRolloutException missing(WorkloadTarget target) {
    return new InvalidRolloutException(
        "name: "
            + target.kind().apiKind()
            + " "
            + target.name()
            + " not found in namespace "
            + target.namespace());
  }
}
