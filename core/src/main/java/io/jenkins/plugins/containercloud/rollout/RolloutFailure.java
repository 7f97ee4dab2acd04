package io.jenkins.plugins.containercloud.rollout;

/** A rollout stopped making progress or hit a fatal pod problem; the message is the reason. */
final class RolloutFailure extends Exception {

  RolloutFailure(String reason) {
    super(reason);
  }
}
