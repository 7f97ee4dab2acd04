package io.jenkins.plugins.containercloud.rollout;

import java.time.Instant;

/** Something that happened during a rollout, delivered to {@link RolloutListener}s in order. */
public sealed interface RolloutEvent {

  Instant time();

  /** One line for a log or terminal. */
  String describe();

  /** The event's type as stored in the history, e.g. {@code step}. */
  String type();

  /** A step began: creating the new controller, scaling, cleaning up, … */
  record StepStarted(Instant time, String step) implements RolloutEvent {
    @Override
    public String describe() {
      return step;
    }

    @Override
    public String type() {
      return "step";
    }
  }

  /**
   * Replica counts after a change: the old and new controller (or ReplicaSet), their Ready pods,
   * the new side's available pods, and the desired count.
   */
  record ReplicasChanged(
      Instant time,
      String oldName,
      int oldReplicas,
      int oldReady,
      String newName,
      int newReplicas,
      int newReady,
      int newAvailable,
      int desired)
      implements RolloutEvent {
    @Override
    public String describe() {
      return String.format(
          "%s %d/%d ready, %s %d/%d ready (%d available) of %d desired",
          oldName, oldReady, oldReplicas, newName, newReady, newReplicas, newAvailable, desired);
    }

    @Override
    public String type() {
      return "replicas";
    }
  }

  /** A pod of the new version has a problem (crash loop, failing readiness, unschedulable). */
  record PodProblem(Instant time, String pod, String reason, String message, boolean fatal)
      implements RolloutEvent {
    @Override
    public String describe() {
      return "pod " + pod + ": " + reason + (message == null ? "" : " (" + message + ")");
    }

    @Override
    public String type() {
      return "pod-problem";
    }
  }

  /** The rollout failed; the workload is being returned to its previous image. */
  record RollbackStarted(Instant time, String reason) implements RolloutEvent {
    @Override
    public String describe() {
      return "rolling back: " + reason;
    }

    @Override
    public String type() {
      return "rollback";
    }
  }

  /** The rollout ended. */
  record Finished(Instant time, RolloutResult result) implements RolloutEvent {
    @Override
    public String describe() {
      return switch (result.outcome()) {
        case SUCCEEDED ->
            "rollout of "
                + result.workload()
                + " to "
                + result.imageAfter()
                + " succeeded in "
                + seconds(result);
        case ROLLED_BACK ->
            "rollout failed and was rolled back to " + result.imageAfter() + ": " + result.reason();
        case FAILED -> "rollout failed: " + result.reason();
      };
    }

    @Override
    public String type() {
      return "finished";
    }

    private static String seconds(RolloutResult result) {
      return String.format("%.1f s", result.duration().toMillis() / 1000.0);
    }
  }
}
