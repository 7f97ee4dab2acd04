package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deployment conditions, set as the real controller sets them (transition time kept on no change).
 */
final class DeploymentConditions {

  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";
  static final String NEW_RS_CREATED = "NewReplicaSetCreated";
  static final String FOUND_NEW_RS = "FoundNewReplicaSet";
  static final String RS_UPDATED = "ReplicaSetUpdated";
  static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
  static final String TIMED_OUT = "ProgressDeadlineExceeded";
  static final String PAUSED = "DeploymentPaused";
  static final String RESUMED = "DeploymentResumed";

  private DeploymentConditions() {}

  static DeploymentCondition create(String type, String status, String reason, String message) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastUpdateTime(now)
        .withLastTransitionTime(now)
        .build();
  }

  static Optional<DeploymentCondition> get(DeploymentStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Sets {@code condition}, unless one of its type with the same status and reason exists. */
  static void set(DeploymentStatus status, DeploymentCondition condition) {
    Optional<DeploymentCondition> current = get(status, condition.getType());
    if (current.isPresent()
        && current.get().getStatus().equals(condition.getStatus())
        && current.get().getReason().equals(condition.getReason())) {
      return;
    }
    if (current.isPresent() && current.get().getStatus().equals(condition.getStatus())) {
      condition.setLastTransitionTime(current.get().getLastTransitionTime());
    }
    remove(status, condition.getType());
    List<DeploymentCondition> conditions =
        new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
    conditions.add(condition);
    status.setConditions(conditions);
  }

  static void remove(DeploymentStatus status, String type) {
    if (status.getConditions() != null) {
      List<DeploymentCondition> kept = new ArrayList<>(status.getConditions());
      kept.removeIf(c -> type.equals(c.getType()));
      status.setConditions(kept);
    }
  }
}
