package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Comparator;
import java.util.List;

/**
 * The two rollout strategies: RollingUpdate (scale the new ReplicaSet up within maxSurge, the old
 * ones down within maxUnavailable, unhealthy old pods first) and Recreate (old ones to zero, wait
 * for their pods to go, then the new one to full size).
 */
final class DeploymentRollout {

  private DeploymentRollout() {}

  /** One rolling-update step; true when it changed a ReplicaSet's size. */
  static boolean rolling(DeploymentSync sync) {
    if (reconcileNew(sync)) {
      return true;
    }
    return reconcileOld(sync);
  }

  private static boolean reconcileNew(DeploymentSync sync) {
    Deployment d = sync.deployment;
    ReplicaSet newRs = sync.newRs;
    int desired = DeploymentMath.replicas(d);
    if (DeploymentMath.replicas(newRs) == desired) {
      return false;
    }
    if (DeploymentMath.replicas(newRs) > desired) {
      return sync.scale(newRs, desired);
    }
    return sync.scale(newRs, DeploymentMath.newReplicaSetReplicas(d, sync.all(), newRs));
  }

  private static boolean reconcileOld(DeploymentSync sync) {
    Deployment d = sync.deployment;
    if (DeploymentMath.specReplicas(sync.oldRss) == 0) {
      return false;
    }
    int allPods = DeploymentMath.specReplicas(sync.all());
    int minAvailable = DeploymentMath.replicas(d) - DeploymentMath.maxUnavailable(d);
    int newUnavailable =
        DeploymentMath.replicas(sync.newRs) - DeploymentMath.availableReplicas(sync.newRs);
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    int cleaned = cleanupUnhealthy(sync, maxScaledDown);
    int scaledDown = scaleDownOld(sync);
    return cleaned + scaledDown > 0;
  }

  /** Scales old ReplicaSets down by their unavailable pods, which cost no availability. */
  private static int cleanupUnhealthy(DeploymentSync sync, int maxCleanup) {
    int total = 0;
    for (ReplicaSet rs : sortedOld(sync)) {
      if (total >= maxCleanup) {
        break;
      }
      int replicas = DeploymentMath.replicas(rs);
      int available = DeploymentMath.availableReplicas(rs);
      if (replicas == 0 || replicas == available) {
        continue;
      }
      int count = Math.min(maxCleanup - total, replicas - available);
      sync.scale(rs, replicas - count);
      total += count;
    }
    return total;
  }

  private static int scaleDownOld(DeploymentSync sync) {
    Deployment d = sync.deployment;
    int minAvailable = DeploymentMath.replicas(d) - DeploymentMath.maxUnavailable(d);
    int available = DeploymentMath.availableReplicas(sync.all());
    if (available <= minAvailable) {
      return 0;
    }
    int toScaleDown = available - minAvailable;
    int total = 0;
    for (ReplicaSet rs : sortedOld(sync)) {
      if (total >= toScaleDown) {
        break;
      }
      int replicas = DeploymentMath.replicas(rs);
      if (replicas == 0) {
        continue;
      }
      int count = Math.min(replicas, toScaleDown - total);
      sync.scale(rs, replicas - count);
      total += count;
    }
    return total;
  }

  private static List<ReplicaSet> sortedOld(DeploymentSync sync) {
    return sync.oldRss.stream().sorted(DeploymentReplicaSets.BY_CREATION).toList();
  }

  /** Scales every active old ReplicaSet to zero; true when one changed. */
  static boolean scaleDownOldForRecreate(DeploymentSync sync) {
    boolean scaled = false;
    for (ReplicaSet rs : List.copyOf(sync.oldRss)) {
      if (DeploymentMath.replicas(rs) > 0) {
        scaled |= sync.scale(rs, 0);
      }
    }
    return scaled;
  }

  /** True while an old ReplicaSet still has pods that are not finished. */
  static boolean oldPodsRunning(DeploymentSync sync, List<Pod> pods) {
    if (DeploymentMath.statusReplicas(sync.oldRss) > 0) {
      return true;
    }
    for (ReplicaSet rs : sync.oldRss) {
      for (Pod pod : pods) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        boolean finished = "Succeeded".equals(phase) || "Failed".equals(phase);
        if (OwnerRefs.isControlledBy(pod, rs) && !finished) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Proportional scaling: when the Deployment's size changes mid-rollout, the change is shared
   * among the active ReplicaSets by their size; the leftover goes to the largest.
   */
  static void scale(DeploymentSync sync) {
    Deployment d = sync.deployment;
    int desired = DeploymentMath.replicas(d);
    ReplicaSet activeOrLatest = activeOrLatest(sync);
    if (activeOrLatest != null) {
      if (DeploymentMath.replicas(activeOrLatest) != desired) {
        sync.scale(activeOrLatest, desired);
      }
      return;
    }
    if (isSaturated(d, sync.newRs)) {
      for (ReplicaSet old : active(sync.oldRss)) {
        sync.scale(old, 0);
      }
      return;
    }
    if (!DeploymentMath.isRollingUpdate(d)) {
      return;
    }
    List<ReplicaSet> all = active(sync.all());
    int current = DeploymentMath.specReplicas(all);
    int allowed = desired > 0 ? desired + DeploymentMath.maxSurge(d) : 0;
    int toAdd = allowed - current;
    Comparator<ReplicaSet> bySize =
        Comparator.<ReplicaSet>comparingInt(DeploymentMath::replicas).reversed();
    Comparator<ReplicaSet> order =
        toAdd > 0
            ? bySize.thenComparing(DeploymentReplicaSets.BY_CREATION.reversed())
            : bySize.thenComparing(DeploymentReplicaSets.BY_CREATION);
    List<ReplicaSet> sorted = all.stream().sorted(order).toList();
    int[] sizes = new int[sorted.size()];
    int added = 0;
    for (int i = 0; i < sorted.size(); i++) {
      ReplicaSet rs = sorted.get(i);
      int proportion = toAdd == 0 ? 0 : proportion(rs, d, toAdd, added);
      sizes[i] = DeploymentMath.replicas(rs) + proportion;
      added += proportion;
    }
    if (added != toAdd && !sorted.isEmpty()) {
      sizes[0] = Math.max(0, sizes[0] + toAdd - added);
    }
    for (int i = 0; i < sorted.size(); i++) {
      sync.scale(sorted.get(i), sizes[i]);
    }
  }

  private static int proportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
    if (rs == null || DeploymentMath.replicas(rs) == 0 || toAdd == added) {
      return 0;
    }
    int fraction = fraction(rs, d);
    int allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  private static int fraction(ReplicaSet rs, Deployment d) {
    int desired = DeploymentMath.replicas(d);
    if (desired == 0) {
      return -DeploymentMath.replicas(rs);
    }
    int deploymentReplicas = desired + DeploymentMath.maxSurge(d);
    Integer annotated = Revisions.maxReplicas(rs);
    int base = annotated != null ? annotated : DeploymentMath.zero(d.getStatus().getReplicas());
    if (base == 0) {
      return 0;
    }
    double size = DeploymentMath.replicas(rs) * (double) deploymentReplicas / base;
    return (int) Math.round(size) - DeploymentMath.replicas(rs);
  }

  private static ReplicaSet activeOrLatest(DeploymentSync sync) {
    if (sync.newRs == null && sync.oldRss.isEmpty()) {
      return null;
    }
    List<ReplicaSet> active = active(sync.all());
    if (active.isEmpty()) {
      if (sync.newRs != null) {
        return sync.newRs;
      }
      return sync.oldRss.stream().max(DeploymentReplicaSets.BY_CREATION).orElse(null);
    }
    return active.size() == 1 ? active.get(0) : null;
  }

  private static boolean isSaturated(Deployment d, ReplicaSet rs) {
    if (rs == null) {
      return false;
    }
    Integer desired = Revisions.desiredReplicas(rs);
    int want = DeploymentMath.replicas(d);
    return desired != null
        && desired == want
        && DeploymentMath.replicas(rs) == want
        && DeploymentMath.availableReplicas(rs) == want;
  }

  private static List<ReplicaSet> active(List<ReplicaSet> sets) {
    return sets.stream().filter(rs -> DeploymentMath.replicas(rs) > 0).toList();
  }

  /** True when some active ReplicaSet was sized for another Deployment size. */
  static boolean isScalingEvent(DeploymentSync sync) {
    int desired = DeploymentMath.replicas(sync.deployment);
    return active(sync.all()).stream()
        .map(Revisions::desiredReplicas)
        .anyMatch(annotated -> annotated != null && annotated != desired);
  }
}
