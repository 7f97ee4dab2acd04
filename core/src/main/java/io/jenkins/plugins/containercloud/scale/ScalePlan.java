package io.jenkins.plugins.containercloud.scale;

import java.util.List;

/**
 * A planning decision: the scale-ups to order, the pods that ordered or Ready capacity will take,
 * and the pods no scale-up helps, each with its reason.
 */
public record ScalePlan(
    List<ScaleUp> scaleUps, List<String> awaitingUpcoming, List<Unhelped> unhelped) {

  public ScalePlan {
    scaleUps = List.copyOf(scaleUps);
    awaitingUpcoming = List.copyOf(awaitingUpcoming);
    unhelped = List.copyOf(unhelped);
  }

  /** New nodes ordered in all pools. */
  public int totalNodes() {
    return scaleUps.stream().mapToInt(ScaleUp::nodes).sum();
  }

  /** {@code nodes} new nodes of {@code pool} for {@code pods} (namespace/name), and why. */
  public record ScaleUp(String pool, int nodes, List<String> pods, String reason) {
    public ScaleUp {
      pods = List.copyOf(pods);
    }
  }

  /** Why no scale-up helps a pending pod. */
  public enum Why {
    /** No pool's template could ever run it: a new node would not help. */
    NO_POOL_FITS,
    /** Every pool it fits is at its maximum size. */
    MAX_REACHED,
    /** Every pool it fits was refused by its provider recently (capacity or limits). */
    POOL_UNAVAILABLE,
    /** This decision's per-scale-up budget is spent; the next decision will order more. */
    BUDGET_SPENT
  }

  /** A pending pod no scale-up of this decision helps. */
  public record Unhelped(String pod, Why why, String message) {}
}
