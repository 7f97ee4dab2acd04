package io.jenkins.plugins.containercloud.plugin.steps;

import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import io.jenkins.plugins.containercloud.plugin.Texts;
import java.time.Duration;

/**
 * The checks of {@code containerScale}'s and {@code containerCapacity}'s arguments: each fails with
 * an {@link IllegalArgumentException} naming the argument and the fix.
 */
final class PoolArguments {

  /** How long a step waits when it is given no timeout. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  private PoolArguments() {}

  static String pool(String value) {
    String pool = Texts.trimToNull(value);
    if (pool == null) {
      throw new IllegalArgumentException(
          "pool: name a node pool of Manage Jenkins » System » Container Cloud, e.g. pool: 'workers'");
    }
    return pool;
  }

  static int nodes(Integer value) {
    if (value == null || value < 0) {
      throw new IllegalArgumentException(
          "nodes: give how many nodes the pool should have, 0 or more, e.g. nodes: 3");
    }
    return value;
  }

  static Duration timeout(String value) {
    Duration timeout = Arguments.duration("timeout", value);
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  /** A timeout as the arguments write it: {@code 90s}, {@code 15m}. */
  static String text(Duration timeout) {
    long seconds = timeout.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** CPU in millicores, 0 when not given. */
  static long cpu(String value) {
    return quantity("cpu", value, true, "2 or 1500m");
  }

  /** Memory in bytes, 0 when not given. */
  static long memory(String value) {
    return quantity("memory", value, false, "4Gi or 512Mi");
  }

  private static long quantity(String argument, String value, boolean cpu, String example) {
    String text = Texts.trimToNull(value);
    if (text == null) {
      return 0;
    }
    long amount;
    try {
      Quantity q = new Quantity(text);
      amount = cpu ? PodResources.cpuMillis(q) : PodResources.bytes(q);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          argument + ": '" + text + "' is not a Kubernetes quantity; write e.g. " + example, e);
    }
    if (amount <= 0) {
      throw new IllegalArgumentException(argument + ": must be more than zero, e.g. " + example);
    }
    return amount;
  }
}
