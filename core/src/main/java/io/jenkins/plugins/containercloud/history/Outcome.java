package io.jenkins.plugins.containercloud.history;

/** How a deployment ended, or {@link #RUNNING} while it has not. */
public enum Outcome {
  /** Started and not finished yet (or its process died before it could say; see INTERRUPTED). */
  RUNNING,
  /** The new image runs everywhere it should. */
  SUCCEEDED,
  /** The rollout failed and was left as it failed (automatic rollback off, or it failed too). */
  FAILED,
  /** The rollout failed and the workload was rolled back to what ran before. */
  ROLLED_BACK,
  /** The rollout stopped before an outcome: cancelled, or its host stopped; it may be resumable. */
  INTERRUPTED;

  /** Whether a deployment with this outcome has ended. */
  public boolean isFinal() {
    return this != RUNNING;
  }
}
