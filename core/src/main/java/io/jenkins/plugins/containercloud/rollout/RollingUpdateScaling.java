package io.jenkins.plugins.containercloud.rollout;

import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.replicas;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** The third phase of a rolling update: scaling the new controller up and the old one down. */
final class RollingUpdateScaling {

  private final WorkloadTarget target;
  private final RolloutParameters parameters;
  private final NamespaceState state;
  private final ReplicationControllers controllers;
  private final RolloutReporter reporter;

  RollingUpdateScaling(RollingUpdateContext context) {
    this.target = context.target();
    this.parameters = context.parameters();
    this.state = context.state();
    this.controllers = context.controllers();
    this.reporter = context.reporter();
  }

  /**
   * Scales the new controller up and the old one down within the surge and availability limits,
   * with {@code kubectl rolling-update}'s arithmetic, until every desired replica is new and
   * available; wakes on every change of the namespace's caches.
   */
  void scale(UpdatePlan plan)
      throws RolloutFailure, InterruptedException, TimeoutException, WorkloadDeleted {
    ReplicationController oldRc = controllers.get(plan.oldName()).orElseThrow();
    ReplicationController newRc = controllers.get(plan.newName()).orElseThrow();
    int desired = plan.desired();
    int maxSurge = parameters.maxSurge().resolve(desired, true);
    int maxUnavailable = parameters.maxUnavailable().resolve(desired, false);
    if (maxSurge == 0 && maxUnavailable == 0) {
      maxUnavailable = 1;
    }
    int minAvailable = Math.max(0, desired - maxUnavailable);
    int oldReplicas = replicas(oldRc);
    int newReplicas = replicas(newRc);
    if (desired == 0) {
      minAvailable = 0;
    }
    reporter.step(
        String.format(
            "Scaling up %s from %d to %d, scaling down %s from %d to 0 (keep %d pods available,"
                + " don't exceed %d pods)",
            plan.newName(),
            newReplicas,
            desired,
            plan.oldName(),
            oldReplicas,
            minAvailable,
            desired + maxSurge));
    Map<String, String> newSelector = newRc.getSpec().getSelector();
    Map<String, String> oldSelector = oldRc.getSpec().getSelector();
    Instant lastProgress = Instant.now();
    List<Integer> last = null;
    boolean bothSeen = false;
    while (true) {
      long seen = state.changeCount();
      Instant now = Instant.now();
      // The watch caches see a deleted controller (or namespace) at once; the next request
      // would only fail with a 404 after a wait.
      boolean bothCached =
          state.replicationController(plan.oldName()).isPresent()
              && state.replicationController(plan.newName()).isPresent();
      if (bothSeen && !bothCached) {
        throw new WorkloadDeleted(target);
      }
      bothSeen |= bothCached;
      List<Pod> newPods = PodStatus.live(state.podsMatching(newSelector));
      int newAvailable = PodStatus.countAvailable(newPods, parameters.minReady(), now);
      if (newReplicas != desired) {
        int increment =
            oldReplicas == 0
                ? desired - newReplicas
                : (desired + maxSurge) - (oldReplicas + newReplicas);
        if (increment > 0) {
          newReplicas = Math.min(desired, newReplicas + increment);
          reporter.step("Scaling " + plan.newName() + " up to " + newReplicas);
          controllers.scale(plan.newName(), newReplicas);
        }
      }
      if (oldReplicas != 0) {
        int decrement = (oldReplicas + newReplicas) - minAvailable - (newReplicas - newAvailable);
        if (decrement > 0) {
          int next = Math.max(0, oldReplicas - decrement);
          if (newReplicas == desired && newAvailable == desired) {
            next = 0;
          }
          oldReplicas = next;
          reporter.step("Scaling " + plan.oldName() + " down to " + oldReplicas);
          controllers.scale(plan.oldName(), oldReplicas);
        }
      }
      List<Pod> oldPods = PodStatus.live(state.podsMatching(oldSelector));
      List<Integer> snapshot =
          List.of(
              oldReplicas,
              (int) PodStatus.countReady(oldPods),
              newReplicas,
              (int) PodStatus.countReady(newPods),
              newAvailable);
      if (!snapshot.equals(last)) {
        last = snapshot;
        lastProgress = now;
        reporter.emit(
            new RolloutEvent.ReplicasChanged(
                now,
                plan.oldName(),
                snapshot.get(0),
                snapshot.get(1),
                plan.newName(),
                snapshot.get(2),
                snapshot.get(3),
                snapshot.get(4),
                desired));
      }
      Optional<RolloutEvent.PodProblem> problem = reporter.problems(newPods, now);
      RolloutFailure.checkNotFatal(problem);
      if (newReplicas == desired && oldReplicas == 0 && newAvailable >= desired) {
        return;
      }
      RolloutFailure.checkProgress(lastProgress, now, parameters.progressTimeout(), problem);
      checkInterrupted();
      state.awaitChangeAfter(seen, nextWake(newPods, now));
    }
  }

  /** Until the next event, or the moment a Ready pod becomes available, at most a second. */
  private Duration nextWake(List<Pod> newPods, Instant now) {
    Duration max = Duration.ofSeconds(1);
    return PodStatus.nextAvailableAt(newPods, parameters.minReady(), now)
        .map(at -> Duration.between(now, at).plusMillis(5))
        .filter(d -> d.compareTo(max) < 0)
        .orElse(max);
  }

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }
}
