package io.jenkins.plugins.containercloud.rollout;

import java.time.Duration;
import java.util.Optional;

/**
 * The end of a rollout: outcome, the workload as it is named now, the image before and the image
 * running afterwards, how long it took, and the reason when it did not succeed.
 */
public record RolloutResult(
    RolloutOutcome outcome,
    WorkloadTarget workload,
    String imageBefore,
    String imageAfter,
    Duration duration,
    String reason) {

  public boolean succeeded() {
    return outcome == RolloutOutcome.SUCCEEDED;
  }

  public Optional<String> reasonText() {
    return Optional.ofNullable(reason);
  }
}
