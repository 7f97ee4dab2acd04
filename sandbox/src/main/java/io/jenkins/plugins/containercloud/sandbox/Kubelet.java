package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kubelets of all simulated nodes: a pod bound to a node starts after the ready delay — Running
 * and Ready, or as {@link ImageConvention} says — and a crash-looping pod's first container
 * restarts every crash-loop interval, with a {@code BackOff} event each time.
 */
final class Kubelet extends Controller {

  private final Duration readyDelay;
  private final Duration restartInterval;
  private final EventRecorder events;
  private final Map<String, Instant> nextRestart = new ConcurrentHashMap<>();
  private final AtomicInteger podAddresses = new AtomicInteger();

  Kubelet(KubernetesClient client, Duration readyDelay, Duration restartInterval) {
    super("kubelet", client);
    this.readyDelay = readyDelay;
    this.restartInterval = restartInterval;
    this.events = new EventRecorder(client, "kubelet");
  }

  @Override
  void register(Informers informers) {
    informers.pods.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            considerStart(pod);
          }

          @Override
          public void onUpdate(Pod oldPod, Pod newPod) {
            considerStart(newPod);
          }

          @Override
          public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            nextRestart.remove(key(pod));
          }
        });
  }

  private void considerStart(Pod pod) {
    boolean waiting = pod.getStatus() == null || "Pending".equals(pod.getStatus().getPhase());
    if (Pods.nodeName(pod) != null && Pods.isActive(pod) && waiting) {
      queue.addAfter(key(pod), readyDelay);
    }
  }

  @Override
  void sync(String key) {
    Pod pod = client.pods().inNamespace(namespaceOf(key)).withName(nameOf(key)).get();
    if (pod == null || !Pods.isActive(pod) || Pods.nodeName(pod) == null) {
      nextRestart.remove(key);
      return;
    }
    Node node = client.nodes().withName(Pods.nodeName(pod)).get();
    if (node == null) {
      return;
    }
    ImageConvention convention = ImageConvention.of(pod);
    if ("Pending".equals(pod.getStatus().getPhase())) {
      start(pod, node, convention);
    } else if (convention == ImageConvention.CRASH_LOOP) {
      restart(key, pod);
    }
  }

  private void start(Pod pod, Node node, ImageConvention convention) {
    String now = now();
    pod.setStatus(PodStatusFactory.running(pod, convention, hostIp(node), nextPodIp(), now));
    Pod updated =
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    if (convention == ImageConvention.CRASH_LOOP) {
      backOff(updated);
      scheduleRestart(key(updated));
    } else if (convention == ImageConvention.NEVER_READY) {
      events.onHost(
          updated, "Warning", "Unhealthy", "Readiness probe failed", Pods.nodeName(updated));
    }
  }

  private void restart(String key, Pod pod) {
    Instant due = nextRestart.get(key);
    if (due == null) {
      scheduleRestart(key);
      return;
    }
    if (Instant.now().isBefore(due)) {
      queue.addAfter(key, Duration.between(Instant.now(), due));
      return;
    }
    List<ContainerStatus> statuses = new ArrayList<>(pod.getStatus().getContainerStatuses());
    int restarts =
        statuses.get(0).getRestartCount() == null ? 0 : statuses.get(0).getRestartCount();
    statuses.set(
        0,
        PodStatusFactory.crashed(pod.getSpec().getContainers().get(0), pod, restarts + 1, now()));
    pod.getStatus().setContainerStatuses(statuses);
    Pod updated =
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    backOff(updated);
    scheduleRestart(key);
  }

  private void scheduleRestart(String key) {
    nextRestart.put(key, Instant.now().plus(restartInterval));
    queue.addAfter(key, restartInterval);
  }

  private void backOff(Pod pod) {
    events.onHost(
        pod,
        "Warning",
        "BackOff",
        "Back-off restarting failed container "
            + pod.getSpec().getContainers().get(0).getName()
            + " in pod "
            + pod.getMetadata().getName()
            + "_"
            + pod.getMetadata().getNamespace()
            + "("
            + pod.getMetadata().getUid()
            + ")",
        Pods.nodeName(pod));
  }

  private String nextPodIp() {
    int n = podAddresses.incrementAndGet();
    return "10.244." + (n / 250) % 256 + "." + (n % 250 + 1);
  }

  private static String hostIp(Node node) {
    if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
      return null;
    }
    return node.getStatus().getAddresses().stream()
        .filter(a -> "InternalIP".equals(a.getType()))
        .map(NodeAddress::getAddress)
        .findFirst()
        .orElse(null);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
