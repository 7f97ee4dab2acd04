package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;

/** The status a kubelet reports for a started pod, following {@link ImageConvention}. */
final class PodStatusFactory {

  private PodStatusFactory() {}

  static PodStatus running(
      Pod pod, ImageConvention convention, String hostIp, String podIp, String now) {
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<Container> containers = pod.getSpec().getContainers();
    String first = containers.get(0).getName();
    boolean ready = convention == ImageConvention.READY;
    String notReady = "containers with unready status: [" + first + "]";
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition("Initialized", true, null, null, now));
    conditions.add(condition("Ready", ready, "ContainersNotReady", notReady, now));
    conditions.add(condition("ContainersReady", ready, "ContainersNotReady", notReady, now));
    if (status.getConditions() != null) {
      status.getConditions().stream()
          .filter(c -> "PodScheduled".equals(c.getType()))
          .forEach(conditions::add);
    }
    List<ContainerStatus> statuses = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      boolean special = i == 0 && convention != ImageConvention.READY;
      statuses.add(
          i == 0 && convention == ImageConvention.CRASH_LOOP
              ? crashed(c, pod, 1, now)
              : runningContainer(c, !special, now));
    }
    status.setPhase("Running");
    status.setStartTime(now);
    status.setConditions(conditions);
    status.setContainerStatuses(statuses);
    status.setHostIP(hostIp);
    status.setHostIPs(hostIp == null ? null : List.of(new HostIP(hostIp)));
    status.setPodIP(podIp);
    status.setPodIPs(List.of(new PodIP(podIp)));
    return status;
  }

  /** The first container's status after one more crash. */
  static ContainerStatus crashed(Container container, Pod pod, int restartCount, String now) {
    return new ContainerStatusBuilder()
        .withName(container.getName())
        .withImage(container.getImage())
        .withImageID("")
        .withReady(false)
        .withStarted(false)
        .withRestartCount(restartCount)
        .withNewState()
        .withNewWaiting()
        .withReason("CrashLoopBackOff")
        .withMessage(
            "back-off 10s restarting failed container="
                + container.getName()
                + " pod="
                + pod.getMetadata().getName()
                + "_"
                + pod.getMetadata().getNamespace()
                + "("
                + pod.getMetadata().getUid()
                + ")")
        .endWaiting()
        .endState()
        .withNewLastState()
        .withNewTerminated()
        .withExitCode(1)
        .withReason("Error")
        .withStartedAt(now)
        .withFinishedAt(now)
        .endTerminated()
        .endLastState()
        .build();
  }

  private static ContainerStatus runningContainer(Container container, boolean ready, String now) {
    return new ContainerStatusBuilder()
        .withName(container.getName())
        .withImage(container.getImage())
        .withImageID("")
        .withReady(ready)
        .withStarted(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt(now)
        .endRunning()
        .endState()
        .withNewLastState()
        .endLastState()
        .build();
  }

  private static PodCondition condition(
      String type, boolean ok, String reason, String message, String now) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(ok ? "True" : "False")
        .withReason(ok ? null : reason)
        .withMessage(ok ? null : message)
        .withLastTransitionTime(now)
        .build();
  }
}
