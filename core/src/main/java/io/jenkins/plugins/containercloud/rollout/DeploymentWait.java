package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Waits on a Deployment's rollout from the namespace's informer caches, reporting its replicas. */
final class DeploymentWait {

  private final NamespaceState state;
  private final WorkloadTarget target;
  private final RolloutParameters parameters;
  private final RolloutReporter reporter;

  DeploymentWait(
      NamespaceState state,
      WorkloadTarget target,
      RolloutParameters parameters,
      RolloutReporter reporter) {
    this.state = state;
    this.target = target;
    this.parameters = parameters;
    this.reporter = reporter;
  }

  /**
   * Waits until every replica runs the written template and is available (what {@code kubectl
   * rollout status} waits for), failing on ProgressDeadlineExceeded, a fatal pod problem, or no
   * progress within the timeout.
   */
  void until(Deployment written)
      throws RolloutFailure, InterruptedException, TimeoutException, WorkloadDeleted {
    long generation =
        written.getMetadata().getGeneration() == null ? 0 : written.getMetadata().getGeneration();
    String name = written.getMetadata().getName();
    Instant lastProgress = Instant.now();
    List<Integer> last = null;
    while (true) {
      long seen = state.changeCount();
      Instant now = Instant.now();
      // The watch caches see a deleted Deployment (or namespace) at once.
      Deployment current = state.deployment(name).orElseThrow(() -> new WorkloadDeleted(target));
      var status = current.getStatus();
      boolean observed =
          status != null
              && status.getObservedGeneration() != null
              && status.getObservedGeneration() >= generation;
      if (observed) {
        Optional<DeploymentCondition> progressing = condition(current, "Progressing");
        if (progressing.isPresent()
            && "ProgressDeadlineExceeded".equals(progressing.get().getReason())) {
          throw new RolloutFailure(
              "ProgressDeadlineExceeded: "
                  + progressing.get().getMessage()
                  + problemSuffix(newPods(DeploymentRevisions.newReplicaSet(state, current)), now));
        }
        int desired = current.getSpec().getReplicas() == null ? 1 : current.getSpec().getReplicas();
        int updated = orZero(status.getUpdatedReplicas());
        int total = orZero(status.getReplicas());
        int available = orZero(status.getAvailableReplicas());
        int ready = orZero(status.getReadyReplicas());
        Optional<ReplicaSet> newReplicaSet = DeploymentRevisions.newReplicaSet(state, current);
        List<Pod> newPods = newPods(newReplicaSet);
        int newReady = (int) PodStatus.countReady(newPods);
        List<Integer> snapshot =
            List.of(
                total - updated,
                Math.max(0, ready - newReady),
                updated,
                newReady,
                Math.min(available, updated));
        if (!snapshot.equals(last)) {
          last = snapshot;
          lastProgress = now;
          reporter.emit(
              new RolloutEvent.ReplicasChanged(
                  now,
                  "old ReplicaSets",
                  snapshot.get(0),
                  snapshot.get(1),
                  newReplicaSet.map(rs -> rs.getMetadata().getName()).orElse("new ReplicaSet"),
                  snapshot.get(2),
                  snapshot.get(3),
                  snapshot.get(4),
                  desired));
        }
        Optional<RolloutEvent.PodProblem> problem = reporter.problems(newPods, now);
        RolloutFailure.checkNotFatal(problem);
        if (updated == desired && total == updated && available == updated) {
          return;
        }
        RolloutFailure.checkProgress(lastProgress, now, parameters.progressTimeout(), problem);
      } else if (Duration.between(lastProgress, now).compareTo(parameters.progressTimeout()) > 0) {
        throw new RolloutFailure(
            "the Deployment controller did not observe generation "
                + generation
                + " within "
                + parameters.progressTimeout().toSeconds()
                + " s");
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      state.awaitChangeAfter(seen, Duration.ofSeconds(1));
    }
  }

  private List<Pod> newPods(Optional<ReplicaSet> newReplicaSet) {
    return newReplicaSet
        .map(
            rs ->
                state.podsOwnedBy(rs.getMetadata().getUid()).stream()
                    .filter(p -> !PodStatus.terminating(p))
                    .toList())
        .orElse(List.of());
  }

  private String problemSuffix(List<Pod> pods, Instant now) {
    return pods.stream()
        .map(p -> PodStatus.problem(p, now))
        .flatMap(Optional::stream)
        .findFirst()
        .map(p -> "; " + p.describe())
        .orElse("");
  }

  private static Optional<DeploymentCondition> condition(Deployment deployment, String type) {
    if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return deployment.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
