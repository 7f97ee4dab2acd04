package io.jenkins.plugins.containercloud.api;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;

/** What the dashboard reads off one pod: readiness, restarts, why it is not Ready, its owner. */
final class PodFacts {

  private PodFacts() {}

  static String phase(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return phase == null ? "Pending" : phase;
  }

  static boolean ready(Pod pod) {
    PodCondition ready = condition(pod, "Ready");
    return ready != null && "True".equals(ready.getStatus());
  }

  /** Waiting for a node: the scheduler found none that fits. */
  static boolean unschedulable(Pod pod) {
    PodCondition scheduled = condition(pod, "PodScheduled");
    return scheduled != null
        && "False".equals(scheduled.getStatus())
        && "Unschedulable".equals(scheduled.getReason());
  }

  static int restarts(Pod pod) {
    int restarts = 0;
    for (ContainerStatus status : containerStatuses(pod)) {
      restarts += status.getRestartCount() == null ? 0 : status.getRestartCount();
    }
    return restarts;
  }

  /**
   * Why a running or pending pod is not Ready, in the words the cluster used: a waiting container's
   * reason and message, else the failing condition's; null when Ready or finished.
   */
  static String notReadyReason(Pod pod) {
    String phase = phase(pod);
    if (ready(pod) || "Succeeded".equals(phase)) {
      return null;
    }
    PodCondition scheduled = condition(pod, "PodScheduled");
    if (scheduled != null && "False".equals(scheduled.getStatus())) {
      return join(scheduled.getReason(), scheduled.getMessage());
    }
    for (ContainerStatus status : containerStatuses(pod)) {
      if (status.getState() != null && status.getState().getWaiting() != null) {
        var waiting = status.getState().getWaiting();
        return join(waiting.getReason(), waiting.getMessage());
      }
      if (status.getState() != null && status.getState().getTerminated() != null) {
        var terminated = status.getState().getTerminated();
        return join(terminated.getReason(), terminated.getMessage());
      }
    }
    PodCondition ready = condition(pod, "Ready");
    if (ready != null && ready.getReason() != null) {
      return join(ready.getReason(), ready.getMessage());
    }
    return pod.getSpec() == null || pod.getSpec().getNodeName() == null
        ? "waiting to be scheduled"
        : "starting";
  }

  /** The pod's controller as {@code Kind/name}, or null for a bare pod. */
  static String owner(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    if (owners == null) {
      return null;
    }
    for (OwnerReference owner : owners) {
      if (Boolean.TRUE.equals(owner.getController())) {
        return owner.getKind() + "/" + owner.getName();
      }
    }
    return null;
  }

  private static PodCondition condition(Pod pod, String type) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return null;
    }
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if (type.equals(condition.getType())) {
        return condition;
      }
    }
    return null;
  }

  private static List<ContainerStatus> containerStatuses(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? List.of()
        : pod.getStatus().getContainerStatuses();
  }

  private static String join(String reason, String message) {
    if (message == null || message.isBlank()) {
      return reason == null ? "not ready" : reason;
    }
    return (reason == null ? "" : reason + ": ") + message;
  }
}
