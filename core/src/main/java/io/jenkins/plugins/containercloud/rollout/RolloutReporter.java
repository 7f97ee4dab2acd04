package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports one rollout to its listener: steps, each pod problem once, and the final result with the
 * time since the rollout started.
 */
final class RolloutReporter {

  private final RolloutListener listener;
  private final Set<String> reportedProblems = new HashSet<>();
  private final Instant started = Instant.now();

  RolloutReporter(RolloutListener listener) {
    this.listener = listener;
  }

  void step(String text) {
    emit(new RolloutEvent.StepStarted(Instant.now(), text));
  }

  void emit(RolloutEvent event) {
    listener.onEvent(event);
  }

  /**
   * Reports the problems of these pods not reported yet, and returns the worst one: a fatal problem
   * before any other.
   */
  Optional<RolloutEvent.PodProblem> problems(List<Pod> pods, Instant now) {
    RolloutEvent.PodProblem worst = null;
    for (Pod pod : pods) {
      Optional<RolloutEvent.PodProblem> problem = PodStatus.problem(pod, now);
      if (problem.isEmpty()) {
        continue;
      }
      RolloutEvent.PodProblem found = problem.get();
      if (reportedProblems.add(found.pod() + "/" + found.reason())) {
        emit(found);
      }
      if (worst == null || (found.fatal() && !worst.fatal())) {
        worst = found;
      }
    }
    return Optional.ofNullable(worst);
  }

  RolloutResult finish(
      RolloutOutcome outcome,
      WorkloadTarget workload,
      Map<String, String> before,
      Map<String, String> after,
      String reason) {
    RolloutResult result =
        new RolloutResult(
            outcome,
            workload,
            PodTemplates.describe(before),
            PodTemplates.describe(after),
            Duration.between(started, Instant.now()),
            reason);
    emit(new RolloutEvent.Finished(Instant.now(), result));
    return result;
  }
}
