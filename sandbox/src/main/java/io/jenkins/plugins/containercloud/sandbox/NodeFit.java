package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node's room for pods during a scheduling pass: what it can allocate, what is bound to it, and
 * the reasons (in the real scheduler's words) why a pod does not fit.
 */
final class NodeFit {

  private final Node node;
  private final BigDecimal cpu;
  private final BigDecimal memory;
  private final int podCapacity;
  private PodRequests used = PodRequests.NONE;
  private PodRequests scored = PodRequests.NONE;
  private int pods;

  NodeFit(Node node) {
    this.node = node;
    Map<String, io.fabric8.kubernetes.api.model.Quantity> allocatable =
        node.getStatus() == null || node.getStatus().getAllocatable() == null
            ? Map.of()
            : node.getStatus().getAllocatable();
    this.cpu = Quantities.of(allocatable.get("cpu"));
    this.memory = Quantities.of(allocatable.get("memory"));
    this.podCapacity = Quantities.of(allocatable.get("pods")).intValue();
  }

  String name() {
    return node.getMetadata().getName();
  }

  void add(Pod pod) {
    used = used.plus(PodRequests.of(pod));
    scored = scored.plus(PodRequests.forScoring(pod));
    pods++;
  }

  /** Why {@code pod} cannot go here; empty when it fits. */
  List<String> reasons(Pod pod, PodRequests requests) {
    List<String> reasons = new ArrayList<>();
    if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      reasons.add("node(s) were unschedulable");
      return reasons;
    }
    if (!isReady()) {
      reasons.add("node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
      return reasons;
    }
    Taint untolerated = untoleratedTaint(pod);
    if (untolerated != null) {
      reasons.add(
          "node(s) had untolerated taint {"
              + untolerated.getKey()
              + ": "
              + Objects.toString(untolerated.getValue(), "")
              + "}");
      return reasons;
    }
    if (!matchesNodeSelector(pod)) {
      reasons.add("node(s) didn't match Pod's node affinity/selector");
      return reasons;
    }
    if (pods + 1 > podCapacity) {
      reasons.add("Too many pods");
    }
    if (requests.cpu().signum() > 0 && used.cpu().add(requests.cpu()).compareTo(cpu) > 0) {
      reasons.add("Insufficient cpu");
    }
    if (requests.memory().signum() > 0
        && used.memory().add(requests.memory()).compareTo(memory) > 0) {
      reasons.add("Insufficient memory");
    }
    return reasons;
  }

  /**
   * The share of the node left free after placing {@code pod} (higher is emptier), as the
   * scheduler's least-allocated score counts it.
   */
  double freeShareAfter(Pod pod) {
    PodRequests after = scored.plus(PodRequests.forScoring(pod));
    return (free(cpu, after.cpu()) + free(memory, after.memory())) / 2;
  }

  private static double free(BigDecimal capacity, BigDecimal used) {
    if (capacity.signum() == 0) {
      return 0;
    }
    return BigDecimal.ONE.subtract(used.divide(capacity, MathContext.DECIMAL64)).doubleValue();
  }

  private boolean isReady() {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private Taint untoleratedTaint(Pod pod) {
    List<Taint> taints =
        node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
    List<Toleration> tolerations =
        pod.getSpec().getTolerations() == null ? List.of() : pod.getSpec().getTolerations();
    for (Taint taint : taints) {
      boolean blocks =
          "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect());
      if (blocks && tolerations.stream().noneMatch(t -> tolerates(t, taint))) {
        return taint;
      }
    }
    return null;
  }

  private static boolean tolerates(Toleration toleration, Taint taint) {
    if (toleration.getEffect() != null
        && !toleration.getEffect().isEmpty()
        && !toleration.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (toleration.getKey() == null || toleration.getKey().isEmpty()) {
      return "Exists".equals(toleration.getOperator());
    }
    if (!toleration.getKey().equals(taint.getKey())) {
      return false;
    }
    return "Exists".equals(toleration.getOperator())
        || Objects.equals(
            Objects.toString(toleration.getValue(), ""), Objects.toString(taint.getValue(), ""));
  }

  private boolean matchesNodeSelector(Pod pod) {
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector == null || selector.isEmpty()) {
      return true;
    }
    Map<String, String> labels =
        node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
