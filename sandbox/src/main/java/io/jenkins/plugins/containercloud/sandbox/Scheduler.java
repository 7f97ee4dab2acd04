package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The scheduler: binds each pending pod to a Ready, schedulable node with room for its requests
 * (CPU, memory, pod count), preferring the emptiest; marks the others Unschedulable with the real
 * scheduler's message. Every pod or node change starts a new pass over all pending pods.
 */
final class Scheduler extends Controller {

  private static final String PASS = "pending-pods";
  private static final String SCHEDULER_NAME = "default-scheduler";

  private final EventRecorder events;
  private final Map<String, String> reportedFailures = new ConcurrentHashMap<>();

  Scheduler(KubernetesClient client) {
    super("scheduler", client);
    this.events = new EventRecorder(client, SCHEDULER_NAME);
  }

  @Override
  void register(Informers informers) {
    informers.nodes.addEventHandler(EventHandlers.each(node -> queue.add(PASS)));
    informers.pods.addEventHandler(
        new io.fabric8.kubernetes.client.informers.ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            if (isPending(pod)) {
              queue.add(PASS);
            }
          }

          @Override
          public void onUpdate(Pod oldPod, Pod newPod) {
            if (isPending(newPod) || Pods.isActive(oldPod) != Pods.isActive(newPod)) {
              queue.add(PASS);
            }
          }

          @Override
          public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            reportedFailures.remove(pod.getMetadata().getUid());
            queue.add(PASS);
          }
        });
  }

  @Override
  void sync(String key) {
    List<Node> nodes = client.nodes().list().getItems();
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    Map<String, NodeFit> fits = new LinkedHashMap<>();
    nodes.stream()
        .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
        .forEach(n -> fits.put(n.getMetadata().getName(), new NodeFit(n)));
    for (Pod pod : pods) {
      NodeFit fit = fits.get(Pods.nodeName(pod));
      if (fit != null && Pods.isActive(pod)) {
        fit.add(pod);
      }
    }
    List<Pod> pending =
        pods.stream()
            .filter(Scheduler::isPending)
            .sorted(
                Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp())
                    .thenComparing(p -> p.getMetadata().getName()))
            .toList();
    RuntimeException failure = null;
    for (Pod pod : pending) {
      try {
        schedule(pod, fits);
      } catch (KubernetesClientException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void schedule(Pod pod, Map<String, NodeFit> fits) {
    PodRequests requests = PodRequests.of(pod);
    Map<String, Integer> reasons = new TreeMap<>();
    List<NodeFit> feasible = new ArrayList<>();
    for (NodeFit fit : fits.values()) {
      List<String> why = fit.reasons(pod, requests);
      if (why.isEmpty()) {
        feasible.add(fit);
      }
      why.forEach(r -> reasons.merge(r, 1, Integer::sum));
    }
    if (feasible.isEmpty()) {
      markUnschedulable(pod, message(fits.size(), reasons));
      return;
    }
    NodeFit best =
        feasible.stream()
            .max(Comparator.comparingDouble((NodeFit f) -> f.freeShareAfter(pod)))
            .orElseThrow();
    bind(pod, best.name());
    best.add(pod);
  }

  private void bind(Pod pod, String node) {
    client
        .bindings()
        .inNamespace(pod.getMetadata().getNamespace())
        .resource(
            new BindingBuilder()
                .withNewMetadata()
                .withName(pod.getMetadata().getName())
                .endMetadata()
                .withNewTarget()
                .withApiVersion("v1")
                .withKind("Node")
                .withName(node)
                .endTarget()
                .build())
        .create();
    reportedFailures.remove(pod.getMetadata().getUid());
    events.normal(
        pod,
        "Scheduled",
        "Successfully assigned "
            + pod.getMetadata().getNamespace()
            + "/"
            + pod.getMetadata().getName()
            + " to "
            + node);
  }

  /** The real scheduler's FitError text for v1.36, reasons sorted as it sorts them. */
  static String message(int nodeCount, Map<String, Integer> reasons) {
    if (nodeCount == 0) {
      return "no nodes available to schedule pods";
    }
    String counted =
        reasons.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .sorted()
            .collect(Collectors.joining(", "));
    return "0/"
        + nodeCount
        + " nodes are available: "
        + counted
        + ". no new claims to deallocate, preemption: 0/"
        + nodeCount
        + " nodes are available: "
        + nodeCount
        + " Preemption is not helpful for scheduling.";
  }

  private void markUnschedulable(Pod pod, String message) {
    String uid = pod.getMetadata().getUid();
    if (message.equals(reportedFailures.get(uid)) && hasCondition(pod, message)) {
      return;
    }
    Pod fresh =
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .get();
    if (fresh == null || !isPending(fresh)) {
      return;
    }
    if (!hasCondition(fresh, message)) {
      List<PodCondition> conditions = new ArrayList<>();
      if (fresh.getStatus().getConditions() != null) {
        fresh.getStatus().getConditions().stream()
            .filter(c -> !"PodScheduled".equals(c.getType()))
            .forEach(conditions::add);
      }
      conditions.add(
          new PodConditionBuilder()
              .withType("PodScheduled")
              .withStatus("False")
              .withReason("Unschedulable")
              .withMessage(message)
              .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
              .build());
      fresh.getStatus().setConditions(conditions);
      client.pods().inNamespace(fresh.getMetadata().getNamespace()).resource(fresh).updateStatus();
    }
    if (!message.equals(reportedFailures.put(uid, message))) {
      events.warning(fresh, "FailedScheduling", message);
    }
  }

  private static boolean hasCondition(Pod pod, String message) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    "PodScheduled".equals(c.getType())
                        && "Unschedulable".equals(c.getReason())
                        && Objects.equals(message, c.getMessage()));
  }

  private static boolean isPending(Pod pod) {
    String scheduler = pod.getSpec() == null ? null : pod.getSpec().getSchedulerName();
    return Pods.nodeName(pod) == null
        && Pods.isActive(pod)
        && (scheduler == null || scheduler.isEmpty() || scheduler.equals(SCHEDULER_NAME));
  }
}
