package io.jenkins.plugins.containercloud.scale;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A group of identical nodes the autoscaler may grow and shrink: which cluster, which provider
 * makes its machines, what each node looks like, its size bounds and how fast it moves.
 *
 * @param maxPerScaleUp at most this many nodes are ordered by one decision
 * @param scaleDownDelay how long a node must have been unneeded before it is removed
 * @param utilisationThreshold below this share of its CPU and memory requested, a node whose pods
 *     fit elsewhere is unneeded
 * @param maxProvisionTime a machine not a Ready node this long after it was ordered is terminated
 */
public record NodePool(
    String name,
    String cluster,
    ProviderSettings provider,
    NodeTemplate template,
    int min,
    int max,
    int maxPerScaleUp,
    Duration scaleDownDelay,
    double utilisationThreshold,
    Duration maxProvisionTime,
    Bootstrap bootstrap) {

  /** The label every node of a pool carries, with the pool's name as its value. */
  public static final String POOL_LABEL = "container-cloud.io/pool";

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?");

  public NodePool {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "pool name "
              + name
              + ": use 1-40 lower-case letters, digits and '-', starting and ending with a letter"
              + " or digit (it becomes a label value and part of instance names)");
    }
    Objects.requireNonNull(cluster, "pool " + name + ": cluster");
    Objects.requireNonNull(provider, "pool " + name + ": provider");
    Objects.requireNonNull(template, "pool " + name + ": template");
    Objects.requireNonNull(bootstrap, "pool " + name + ": bootstrap");
    if (min < 0 || max < min || max == 0) {
      throw new IllegalArgumentException(
          "pool "
              + name
              + ": need 0 <= min <= max and max >= 1 (min "
              + min
              + ", max "
              + max
              + ")");
    }
    if (maxPerScaleUp < 1) {
      throw new IllegalArgumentException("pool " + name + ": maxNodesPerScaleUp must be >= 1");
    }
    if (utilisationThreshold < 0 || utilisationThreshold > 1) {
      throw new IllegalArgumentException(
          "pool " + name + ": utilisationThreshold is a share between 0 and 1");
    }
    scaleDownDelay = positive(name, "scaleDownDelay", scaleDownDelay, Duration.ofMinutes(10));
    maxProvisionTime = positive(name, "maxProvisionTime", maxProvisionTime, Duration.ofMinutes(15));
  }

  private static Duration positive(String pool, String field, Duration value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException("pool " + pool + ": " + field + " cannot be negative");
    }
    return value;
  }

  /** The same pool with another template (what its new machines are made from). */
  public NodePool withTemplate(NodeTemplate newTemplate) {
    return new NodePool(
        name,
        cluster,
        provider,
        newTemplate,
        min,
        max,
        maxPerScaleUp,
        scaleDownDelay,
        utilisationThreshold,
        maxProvisionTime,
        bootstrap);
  }

  /** The same pool with other bounds. */
  public NodePool withBounds(int newMin, int newMax, int newMaxPerScaleUp) {
    return new NodePool(
        name,
        cluster,
        provider,
        template,
        newMin,
        newMax,
        newMaxPerScaleUp,
        scaleDownDelay,
        utilisationThreshold,
        maxProvisionTime,
        bootstrap);
  }
}
