package io.jenkins.plugins.containercloud.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A rollout stopped making progress or hit a fatal pod problem; the message is the reason. */
final class RolloutFailure extends Exception {

  RolloutFailure(String reason) {
    super(reason);
  }

  /** Fails when the new pods' problem is fatal (an image that cannot be pulled, a crash loop). */
  static void checkNotFatal(Optional<RolloutEvent.PodProblem> problem) throws RolloutFailure {
    if (problem.isPresent() && problem.get().fatal()) {
      throw new RolloutFailure(problem.get().describe());
    }
  }

  /** Fails when nothing changed for longer than the timeout, naming the pods' problem if any. */
  static void checkProgress(
      Instant lastProgress,
      Instant now,
      Duration timeout,
      Optional<RolloutEvent.PodProblem> problem)
      throws RolloutFailure {
    if (Duration.between(lastProgress, now).compareTo(timeout) > 0) {
      throw new RolloutFailure(
          "no progress for "
              + timeout.toSeconds()
              + " s"
              + problem.map(p -> ": " + p.describe()).orElse(""));
    }
  }
}
