package io.jenkins.plugins.containercloud.scale;

import java.util.List;

/**
 * What the autoscaler saw and decided at its last run: for the JSON API, the CLI and metrics. Times
 * are ISO-8601 text, as every view of the API writes them.
 */
public record ScalingStatus(
    String at, List<PoolView> pools, List<PendingView> pending, long providerCalls) {

  public static final ScalingStatus NONE = new ScalingStatus(null, List.of(), List.of(), 0);

  /**
   * The configured pools of an autoscaler that has not run yet (its cluster is not connected): each
   * with its bounds and no nodes, so that a page still lists what is configured.
   */
  public static ScalingStatus notStarted(List<NodePool> pools) {
    return new ScalingStatus(
        null,
        pools.stream()
            .map(
                p ->
                    new PoolView(
                        p.name(),
                        p.provider().type(),
                        p.min(),
                        p.max(),
                        0,
                        0,
                        0,
                        null,
                        List.of(),
                        null))
            .toList(),
        List.of(),
        0);
  }

  /**
   * One pool: its bounds, its nodes by state, whether its provider refused it lately, and the
   * template revision a rolling upgrade brings its nodes to (null when none runs).
   */
  public record PoolView(
      String name,
      String provider,
      int min,
      int max,
      int ready,
      int upcoming,
      int draining,
      String unavailableBecause,
      List<NodeView> nodes,
      String upgradingTo) {}

  /**
   * One machine of a pool: {@code requested}, {@code booting}, {@code ready} or {@code draining}.
   */
  public record NodeView(String machine, String node, String state, String createdAt) {}

  /** A pending pod and why it waits ({@code awaiting-nodes} or a reason no scale-up helps). */
  public record PendingView(String pod, String why, String message) {}
}
