package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A pod's effective resource requests as the scheduler sums them: the containers' requests (a limit
 * stands in for a missing request, as API defaulting does), or the largest init container's when
 * that is larger.
 */
record PodRequests(BigDecimal cpu, BigDecimal memory) {

  static final PodRequests NONE = new PodRequests(BigDecimal.ZERO, BigDecimal.ZERO);

  static PodRequests of(Pod pod) {
    PodRequests sum = NONE;
    for (Container c : list(pod.getSpec().getContainers())) {
      sum = sum.plus(ofContainer(c));
    }
    for (Container c : list(pod.getSpec().getInitContainers())) {
      PodRequests init = ofContainer(c);
      sum = new PodRequests(sum.cpu.max(init.cpu), sum.memory.max(init.memory));
    }
    return sum;
  }

  /**
   * The requests the scheduler scores with: containers without a request count as 100m CPU and
   * 200Mi memory, so that pods without requests still spread over the nodes.
   */
  static PodRequests forScoring(Pod pod) {
    PodRequests sum = NONE;
    for (Container c : list(pod.getSpec().getContainers())) {
      PodRequests r = ofContainer(c);
      sum =
          sum.plus(
              new PodRequests(
                  r.cpu.signum() > 0 ? r.cpu : DEFAULT_CPU,
                  r.memory.signum() > 0 ? r.memory : DEFAULT_MEMORY));
    }
    return sum;
  }

  private static final BigDecimal DEFAULT_CPU = new BigDecimal("0.1");
  private static final BigDecimal DEFAULT_MEMORY = BigDecimal.valueOf(200L * 1024 * 1024);

  PodRequests plus(PodRequests other) {
    return new PodRequests(cpu.add(other.cpu), memory.add(other.memory));
  }

  private static PodRequests ofContainer(Container container) {
    if (container.getResources() == null) {
      return NONE;
    }
    return new PodRequests(
        request(
            container.getResources().getRequests(), container.getResources().getLimits(), "cpu"),
        request(
            container.getResources().getRequests(),
            container.getResources().getLimits(),
            "memory"));
  }

  private static BigDecimal request(
      Map<String, Quantity> requests, Map<String, Quantity> limits, String resource) {
    if (requests != null && requests.containsKey(resource)) {
      return Quantities.of(requests.get(resource));
    }
    return limits == null ? BigDecimal.ZERO : Quantities.of(limits.get(resource));
  }

  private static List<Container> list(List<Container> containers) {
    return containers == null ? List.of() : containers;
  }
}
