package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The deployment controller's annotations: revisions, revision history, desired and max replicas.
 */
final class Revisions {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  /** Deployment annotations that are not copied to its ReplicaSets. */
  private static final Set<String> NOT_COPIED =
      Set.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          REVISION,
          REVISION_HISTORY,
          DESIRED_REPLICAS,
          MAX_REPLICAS,
          "deprecated.deployment.rollback.to");

  private Revisions() {}

  static long revision(HasMetadata object) {
    String value = annotations(object).get(REVISION);
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static long maxRevision(Collection<ReplicaSet> sets) {
    return sets.stream().mapToLong(Revisions::revision).max().orElse(0);
  }

  /**
   * Gives the new ReplicaSet the deployment's annotations and {@code newRevision} (keeping the
   * revision it had in the history when it is reused); true when anything changed.
   */
  static boolean setNewReplicaSetAnnotations(
      Deployment d, ReplicaSet rs, long newRevision, boolean exists) {
    Map<String, String> annotations = new HashMap<>(annotations(rs));
    Map<String, String> before = Map.copyOf(annotations);
    annotations(d)
        .forEach(
            (k, v) -> {
              if (!NOT_COPIED.contains(k)) {
                annotations.put(k, v);
              }
            });
    String oldRevision = annotations.get(REVISION);
    long old = revision(rs);
    if (old < newRevision) {
      annotations.put(REVISION, Long.toString(newRevision));
      if (oldRevision != null) {
        String history = annotations.get(REVISION_HISTORY);
        annotations.put(
            REVISION_HISTORY,
            history == null || history.isEmpty() ? oldRevision : history + "," + oldRevision);
      }
    }
    if (!exists) {
      annotations.putAll(replicasAnnotations(d));
    }
    rs.getMetadata().setAnnotations(annotations);
    return !before.equals(annotations);
  }

  /** {@code desired-replicas} and {@code max-replicas} for the deployment's current spec. */
  static Map<String, String> replicasAnnotations(Deployment d) {
    return Map.of(
        DESIRED_REPLICAS,
        Integer.toString(DeploymentMath.replicas(d)),
        MAX_REPLICAS,
        Integer.toString(DeploymentMath.replicas(d) + DeploymentMath.maxSurge(d)));
  }

  static boolean replicasAnnotationsDiffer(Deployment d, ReplicaSet rs) {
    Map<String, String> annotations = annotations(rs);
    return replicasAnnotations(d).entrySet().stream()
        .anyMatch(e -> !Objects.equals(annotations.get(e.getKey()), e.getValue()));
  }

  static Integer desiredReplicas(ReplicaSet rs) {
    return parseInt(annotations(rs).get(DESIRED_REPLICAS));
  }

  static Integer maxReplicas(ReplicaSet rs) {
    return parseInt(annotations(rs).get(MAX_REPLICAS));
  }

  private static Integer parseInt(String value) {
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Map<String, String> annotations(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }
}
