package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Deployment's status: the counts summed from its ReplicaSets, the {@code Available} condition,
 * and the {@code Progressing} condition with its progress deadline.
 */
final class DeploymentProgress {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private DeploymentProgress() {}

  static boolean hasDeadline(Deployment d) {
    Integer seconds = d.getSpec().getProgressDeadlineSeconds();
    return seconds != null && seconds != Integer.MAX_VALUE;
  }

  static DeploymentStatus calculate(DeploymentSync sync) {
    Deployment d = sync.deployment;
    List<ReplicaSet> all = sync.all();
    int available = DeploymentMath.availableReplicas(all);
    int unavailable = Math.max(0, DeploymentMath.specReplicas(all) - available);
    DeploymentStatus status = new DeploymentStatus();
    status.setObservedGeneration(d.getMetadata().getGeneration());
    // Zero counts are omitted, as the API's omitempty fields are.
    status.setReplicas(ReplicaManager.omitZero(DeploymentMath.statusReplicas(all)));
    status.setUpdatedReplicas(
        ReplicaManager.omitZero(
            sync.newRs == null ? 0 : DeploymentMath.statusReplicas(List.of(sync.newRs))));
    status.setReadyReplicas(ReplicaManager.omitZero(DeploymentMath.readyReplicas(all)));
    status.setAvailableReplicas(ReplicaManager.omitZero(available));
    status.setUnavailableReplicas(ReplicaManager.omitZero(unavailable));
    status.setTerminatingReplicas(0);
    status.setCollisionCount(d.getStatus().getCollisionCount());
    status.setConditions(
        new ArrayList<>(
            d.getStatus().getConditions() == null ? List.of() : d.getStatus().getConditions()));
    if (available >= DeploymentMath.replicas(d) - DeploymentMath.maxUnavailable(d)) {
      DeploymentConditions.set(
          status,
          DeploymentConditions.create(
              DeploymentConditions.AVAILABLE,
              "True",
              "MinimumReplicasAvailable",
              "Deployment has minimum availability."));
    } else {
      DeploymentConditions.set(
          status,
          DeploymentConditions.create(
              DeploymentConditions.AVAILABLE,
              "False",
              "MinimumReplicasUnavailable",
              "Deployment does not have minimum availability."));
    }
    return normalize(status);
  }

  /** Writes the calculated status when it differs (scaling and paused passes). */
  static void syncStatus(DeploymentSync sync) {
    DeploymentStatus status = calculate(sync);
    if (!same(sync.deployment.getStatus(), status)) {
      sync.deployment.setStatus(status);
      sync.writeStatus();
    }
  }

  /**
   * Writes the status of a rollout pass with its Progressing condition; returns how long until the
   * deadline should be checked again when nothing else will wake the controller.
   */
  static Optional<Duration> syncRolloutStatus(DeploymentSync sync) {
    Deployment d = sync.deployment;
    DeploymentStatus status = calculate(sync);
    if (!hasDeadline(d)) {
      DeploymentConditions.remove(status, DeploymentConditions.PROGRESSING);
    }
    Optional<DeploymentCondition> current =
        DeploymentConditions.get(status, DeploymentConditions.PROGRESSING);
    boolean complete =
        Objects.equals(status.getReplicas(), status.getUpdatedReplicas())
            && current
                .map(c -> DeploymentConditions.NEW_RS_AVAILABLE.equals(c.getReason()))
                .orElse(false);
    String rsName = sync.newRs == null ? null : sync.newRs.getMetadata().getName();
    if (hasDeadline(d) && !complete) {
      if (isComplete(d, status)) {
        DeploymentConditions.set(
            status,
            DeploymentConditions.create(
                DeploymentConditions.PROGRESSING,
                "True",
                DeploymentConditions.NEW_RS_AVAILABLE,
                "ReplicaSet \"" + rsName + "\" has successfully progressed."));
      } else if (isProgressing(d, status)) {
        DeploymentCondition condition =
            DeploymentConditions.create(
                DeploymentConditions.PROGRESSING,
                "True",
                DeploymentConditions.RS_UPDATED,
                rsName == null
                    ? "Deployment is progressing."
                    : "ReplicaSet \"" + rsName + "\" is progressing.");
        if (current.isPresent()) {
          if ("True".equals(current.get().getStatus())) {
            condition.setLastTransitionTime(current.get().getLastTransitionTime());
          }
          DeploymentConditions.remove(status, DeploymentConditions.PROGRESSING);
        }
        DeploymentConditions.set(status, condition);
      } else if (hasTimedOut(d, status)) {
        DeploymentConditions.set(
            status,
            DeploymentConditions.create(
                DeploymentConditions.PROGRESSING,
                "False",
                DeploymentConditions.TIMED_OUT,
                "ReplicaSet \"" + rsName + "\" has timed out progressing."));
      }
    }
    normalize(status);
    if (same(d.getStatus(), status)) {
      return untilDeadline(d, status);
    }
    d.setStatus(status);
    sync.writeStatus();
    return Optional.empty();
  }

  static boolean isComplete(Deployment d, DeploymentStatus status) {
    int desired = DeploymentMath.replicas(d);
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    return DeploymentMath.zero(status.getUpdatedReplicas()) == desired
        && DeploymentMath.zero(status.getReplicas()) == desired
        && DeploymentMath.zero(status.getAvailableReplicas()) == desired
        && (status.getObservedGeneration() == null ? 0 : status.getObservedGeneration())
            >= generation;
  }

  private static boolean isProgressing(Deployment d, DeploymentStatus next) {
    DeploymentStatus old = d.getStatus();
    int oldOld =
        DeploymentMath.zero(old.getReplicas()) - DeploymentMath.zero(old.getUpdatedReplicas());
    int newOld =
        DeploymentMath.zero(next.getReplicas()) - DeploymentMath.zero(next.getUpdatedReplicas());
    return DeploymentMath.zero(next.getUpdatedReplicas())
            > DeploymentMath.zero(old.getUpdatedReplicas())
        || newOld < oldOld
        || DeploymentMath.zero(next.getReadyReplicas())
            > DeploymentMath.zero(old.getReadyReplicas())
        || DeploymentMath.zero(next.getAvailableReplicas())
            > DeploymentMath.zero(old.getAvailableReplicas());
  }

  private static boolean hasTimedOut(Deployment d, DeploymentStatus status) {
    Optional<DeploymentCondition> condition =
        DeploymentConditions.get(status, DeploymentConditions.PROGRESSING);
    if (condition.isEmpty()
        || DeploymentConditions.NEW_RS_AVAILABLE.equals(condition.get().getReason())) {
      return false;
    }
    if (DeploymentConditions.TIMED_OUT.equals(condition.get().getReason())) {
      return true;
    }
    Instant from = Instant.parse(condition.get().getLastUpdateTime());
    return from.plusSeconds(d.getSpec().getProgressDeadlineSeconds()).isBefore(Instant.now());
  }

  private static Optional<Duration> untilDeadline(Deployment d, DeploymentStatus status) {
    Optional<DeploymentCondition> condition =
        DeploymentConditions.get(status, DeploymentConditions.PROGRESSING);
    if (!hasDeadline(d) || condition.isEmpty() || isComplete(d, status)) {
      return Optional.empty();
    }
    if (DeploymentConditions.TIMED_OUT.equals(condition.get().getReason())) {
      return Optional.empty();
    }
    Instant deadline =
        Instant.parse(condition.get().getLastUpdateTime())
            .plusSeconds(d.getSpec().getProgressDeadlineSeconds());
    Duration after = Duration.between(Instant.now(), deadline);
    return Optional.of(after.isNegative() ? Duration.ofMillis(100) : after.plusSeconds(1));
  }

  /** Conditions in a stable order, so that equal statuses compare equal. */
  private static DeploymentStatus normalize(DeploymentStatus status) {
    if (status.getConditions() != null) {
      List<DeploymentCondition> sorted = new ArrayList<>(status.getConditions());
      sorted.sort(java.util.Comparator.comparing(DeploymentCondition::getType));
      status.setConditions(sorted);
    }
    return status;
  }

  private static boolean same(DeploymentStatus a, DeploymentStatus b) {
    DeploymentStatus left = normalize(SERIALIZATION.clone(a));
    return Objects.equals(left, b);
  }
}
