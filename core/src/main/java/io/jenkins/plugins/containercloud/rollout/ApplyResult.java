package io.jenkins.plugins.containercloud.rollout;

import java.time.Duration;
import java.util.List;

/**
 * The end of an apply: every object applied, the rollout of each Deployment it changed, the overall
 * outcome (the worst of the rollouts) and its reason.
 */
public record ApplyResult(
    List<AppliedObject> objects,
    List<RolloutResult> rollouts,
    RolloutOutcome outcome,
    Duration duration,
    String reason) {

  public boolean succeeded() {
    return outcome == RolloutOutcome.SUCCEEDED;
  }
}
