package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** What controllers read from pods: activity, readiness, availability, deletion preference. */
final class Pods {

  private Pods() {}

  static boolean isActive(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase)
        && !"Failed".equals(phase)
        && pod.getMetadata().getDeletionTimestamp() == null;
  }

  static boolean isReady(Pod pod) {
    return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Ready for at least {@code minReadySeconds} at {@code now}. */
  static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds <= 0) {
      return true;
    }
    return readySince(pod).map(t -> !t.plusSeconds(minReadySeconds).isAfter(now)).orElse(false);
  }

  /** How long until a ready but not yet available pod becomes available, if it is one. */
  static Optional<Duration> untilAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isReady(pod) || minReadySeconds <= 0 || isAvailable(pod, minReadySeconds, now)) {
      return Optional.empty();
    }
    return readySince(pod).map(t -> Duration.between(now, t.plusSeconds(minReadySeconds)));
  }

  static Optional<Instant> readySince(Pod pod) {
    return readyCondition(pod).map(PodCondition::getLastTransitionTime).map(Instant::parse);
  }

  private static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  static String nodeName(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return node == null || node.isEmpty() ? null : node;
  }

  /** The order in which a controller deletes surplus pods: the first is deleted first. */
  static final Comparator<Pod> DELETION_ORDER =
      Comparator.<Pod, Boolean>comparing(p -> nodeName(p) != null)
          .thenComparingInt(Pods::phaseRank)
          .thenComparing(Pods::isReady)
          .thenComparing(
              (Pod p) -> isReady(p) ? readySince(p).orElse(Instant.MIN) : Instant.MIN,
              Comparator.reverseOrder())
          .thenComparing(Pods::restarts, Comparator.reverseOrder())
          .thenComparing(p -> p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder());

  private static int phaseRank(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Pending".equals(phase)) {
      return 0;
    }
    return "Running".equals(phase) ? 2 : 1;
  }

  private static int restarts(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return 0;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
        .max()
        .orElse(0);
  }
}
