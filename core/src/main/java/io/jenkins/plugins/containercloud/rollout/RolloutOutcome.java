package io.jenkins.plugins.containercloud.rollout;

/** How a rollout ended. */
public enum RolloutOutcome {
  /** The new image runs on every desired replica. */
  SUCCEEDED,
  /** The rollout failed and the workload was returned to its previous image. */
  ROLLED_BACK,
  /** The rollout failed and was left as it was (rollback disabled or itself failed). */
  FAILED
}
