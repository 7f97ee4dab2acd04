package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a pod's status the way the controllers do: Ready, available (Ready for minReadySeconds),
 * and what is wrong with it when it is neither.
 */
final class PodStatus {

  /** Waiting reasons that will not fix themselves within a rollout. */
  private static final Set<String> FATAL_WAITING_REASONS =
      Set.of(
          "CrashLoopBackOff",
          "ErrImagePull",
          "ImagePullBackOff",
          "InvalidImageName",
          "CreateContainerConfigError",
          "CreateContainerError",
          "RunContainerError");

  private PodStatus() {}

  /** The pods not being deleted. */
  static List<Pod> live(List<Pod> pods) {
    return pods.stream().filter(p -> !terminating(p)).toList();
  }

  static boolean terminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  static boolean ready(Pod pod) {
    return !terminating(pod)
        && readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  static boolean available(Pod pod, Duration minReady, Instant now) {
    if (!ready(pod)) {
      return false;
    }
    if (minReady.isZero()) {
      return true;
    }
    Optional<Instant> since =
        readyCondition(pod).map(PodCondition::getLastTransitionTime).flatMap(PodStatus::instant);
    return since.map(t -> !t.plus(minReady).isAfter(now)).orElse(false);
  }

  /**
   * When the next Ready pod becomes available (Ready for minReadySeconds): no event marks that
   * moment, so a wait must wake up for it.
   */
  static Optional<Instant> nextAvailableAt(List<Pod> pods, Duration minReady, Instant now) {
    if (minReady.isZero()) {
      return Optional.empty();
    }
    return pods.stream()
        .filter(PodStatus::ready)
        .map(
            p ->
                readyCondition(p)
                    .map(PodCondition::getLastTransitionTime)
                    .flatMap(PodStatus::instant))
        .flatMap(Optional::stream)
        .map(since -> since.plus(minReady))
        .filter(at -> at.isAfter(now))
        .min(Instant::compareTo);
  }

  static long countReady(List<Pod> pods) {
    return pods.stream().filter(PodStatus::ready).count();
  }

  static int countAvailable(List<Pod> pods, Duration minReady, Instant now) {
    return (int) pods.stream().filter(p -> available(p, minReady, now)).count();
  }

  /**
   * The first problem of a pod that is not Ready: a fatal container state, an unschedulable pod, or
   * failing readiness.
   */
  static Optional<RolloutEvent.PodProblem> problem(Pod pod, Instant now) {
    if (ready(pod) || terminating(pod)) {
      return Optional.empty();
    }
    String name = pod.getMetadata().getName();
    if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        if (status.getState() != null && status.getState().getWaiting() != null) {
          String reason = status.getState().getWaiting().getReason();
          if (reason != null && FATAL_WAITING_REASONS.contains(reason)) {
            return Optional.of(
                new RolloutEvent.PodProblem(
                    now,
                    name,
                    reason,
                    "container "
                        + status.getName()
                        + ": "
                        + status.getState().getWaiting().getMessage()
                        + " (restarts: "
                        + status.getRestartCount()
                        + ")",
                    true));
          }
        }
      }
    }
    Optional<PodCondition> scheduled = condition(pod, "PodScheduled");
    if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus())) {
      return Optional.of(
          new RolloutEvent.PodProblem(
              now,
              name,
              reasonOr(scheduled.get(), "Unschedulable"),
              scheduled.get().getMessage(),
              false));
    }
    Optional<PodCondition> ready = readyCondition(pod);
    if (ready.isPresent() && "Running".equals(phase(pod))) {
      return Optional.of(
          new RolloutEvent.PodProblem(
              now, name, reasonOr(ready.get(), "NotReady"), ready.get().getMessage(), false));
    }
    return Optional.empty();
  }

  private static String reasonOr(PodCondition condition, String fallback) {
    return condition.getReason() == null ? fallback : condition.getReason();
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static Optional<PodCondition> readyCondition(Pod pod) {
    return condition(pod, "Ready");
  }

  private static Optional<PodCondition> condition(Pod pod, String type) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  private static Optional<Instant> instant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
