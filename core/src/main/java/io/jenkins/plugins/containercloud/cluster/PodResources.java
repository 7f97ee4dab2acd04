package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a pod asks of its node, as the scheduler counts it: the sum of its containers' requests, or
 * the largest init container's if that is more; a limit stands in for a missing request, as the API
 * server's defaulting makes it.
 */
public final class PodResources {

  private PodResources() {}

  public static long cpuMillis(Pod pod) {
    return requested(pod, "cpu", true);
  }

  public static long memoryBytes(Pod pod) {
    return requested(pod, "memory", false);
  }

  /** Whether the pod holds a place on its node: bound and not yet finished. */
  public static boolean occupiesNode(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return pod.getSpec() != null
        && pod.getSpec().getNodeName() != null
        && !"Succeeded".equals(phase)
        && !"Failed".equals(phase);
  }

  public static long cpuMillis(Quantity quantity) {
    return quantity == null ? 0 : toLong(quantity.getNumericalAmount().movePointRight(3));
  }

  public static long bytes(Quantity quantity) {
    return quantity == null ? 0 : toLong(quantity.getNumericalAmount());
  }

  public static long count(Quantity quantity) {
    return quantity == null ? 0 : toLong(quantity.getNumericalAmount());
  }

  private static long requested(Pod pod, String resource, boolean cpu) {
    if (pod.getSpec() == null) {
      return 0;
    }
    long sum = sum(pod.getSpec().getContainers(), resource, cpu);
    long init = max(pod.getSpec().getInitContainers(), resource, cpu);
    return Math.max(sum, init);
  }

  private static long sum(List<Container> containers, String resource, boolean cpu) {
    long total = 0;
    if (containers != null) {
      for (Container c : containers) {
        total += request(c.getResources(), resource, cpu);
      }
    }
    return total;
  }

  private static long max(List<Container> containers, String resource, boolean cpu) {
    long most = 0;
    if (containers != null) {
      for (Container c : containers) {
        most = Math.max(most, request(c.getResources(), resource, cpu));
      }
    }
    return most;
  }

  private static long request(ResourceRequirements resources, String resource, boolean cpu) {
    if (resources == null) {
      return 0;
    }
    Quantity quantity = valueOf(resources.getRequests(), resource);
    if (quantity == null) {
      quantity = valueOf(resources.getLimits(), resource);
    }
    return cpu ? cpuMillis(quantity) : bytes(quantity);
  }

  private static Quantity valueOf(Map<String, Quantity> map, String resource) {
    return map == null ? null : map.get(resource);
  }

  private static long toLong(BigDecimal value) {
    return value.setScale(0, java.math.RoundingMode.CEILING).longValue();
  }
}
