package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.util.Optional;

/**
 * How the processor deploys: the host's rollout engine (in {@code serve}, the dashboard's live
 * rollouts, so that webhook rollouts show on its pages like any other).
 */
public interface RolloutLauncher {

  /**
   * Rolls {@code image} out to the trigger's workload, recorded in the history under {@code
   * deploymentId} with the delivery as its trigger, and waits for the end.
   *
   * @return how it ended: SUCCEEDED, FAILED, ROLLED_BACK or INTERRUPTED, and why
   */
  Ended run(WebhookTriggerRow trigger, String image, String deploymentId);

  /** The outcome recorded for a deployment (RUNNING while it runs), empty when none is. */
  Optional<String> recordedOutcome(String deploymentId);

  /** A rollout's end. */
  record Ended(String outcome, String reason) {}
}
