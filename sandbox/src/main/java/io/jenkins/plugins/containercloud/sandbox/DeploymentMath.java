package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.util.Collection;
import java.util.Objects;
import java.util.function.ToIntFunction;

/** The deployment controller's arithmetic: surge and unavailability fenceposts, replica sums. */
final class DeploymentMath {

  private DeploymentMath() {}

  static int replicas(Deployment d) {
    return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  static int replicas(ReplicaSet rs) {
    return rs == null || rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas();
  }

  static boolean isRollingUpdate(Deployment d) {
    return d.getSpec().getStrategy() == null
        || !"Recreate".equals(d.getSpec().getStrategy().getType());
  }

  /** An int, or a percentage of {@code total} rounded up or down. */
  static int scaled(IntOrString value, int total, boolean roundUp) {
    if (value == null) {
      return 0;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String text = value.getStrVal();
    if (!text.endsWith("%")) {
      return Integer.parseInt(text);
    }
    int percent = Integer.parseInt(text.substring(0, text.length() - 1));
    double exact = percent * (double) total / 100;
    return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
  }

  /** [maxSurge, maxUnavailable]; both zero would deadlock, so unavailability becomes one. */
  static int[] fenceposts(Deployment d) {
    RollingUpdateDeployment rolling = d.getSpec().getStrategy().getRollingUpdate();
    int desired = replicas(d);
    int surge = scaled(rolling == null ? null : rolling.getMaxSurge(), desired, true);
    int unavailable = scaled(rolling == null ? null : rolling.getMaxUnavailable(), desired, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new int[] {surge, unavailable};
  }

  static int maxSurge(Deployment d) {
    return isRollingUpdate(d) ? fenceposts(d)[0] : 0;
  }

  static int maxUnavailable(Deployment d) {
    if (!isRollingUpdate(d) || replicas(d) == 0) {
      return 0;
    }
    return Math.min(fenceposts(d)[1], replicas(d));
  }

  static int specReplicas(Collection<ReplicaSet> sets) {
    return sum(sets, DeploymentMath::replicas);
  }

  static int statusReplicas(Collection<ReplicaSet> sets) {
    return sum(sets, rs -> zero(rs.getStatus() == null ? null : rs.getStatus().getReplicas()));
  }

  static int readyReplicas(Collection<ReplicaSet> sets) {
    return sum(sets, rs -> zero(rs.getStatus() == null ? null : rs.getStatus().getReadyReplicas()));
  }

  static int availableReplicas(Collection<ReplicaSet> sets) {
    return sum(
        sets, rs -> zero(rs.getStatus() == null ? null : rs.getStatus().getAvailableReplicas()));
  }

  static int availableReplicas(ReplicaSet rs) {
    return zero(rs.getStatus() == null ? null : rs.getStatus().getAvailableReplicas());
  }

  private static int sum(Collection<ReplicaSet> sets, ToIntFunction<ReplicaSet> value) {
    return sets.stream().filter(Objects::nonNull).mapToInt(value).sum();
  }

  static int zero(Integer value) {
    return value == null ? 0 : value;
  }

  /** How many replicas the new ReplicaSet may have now (rolling: within the surge). */
  static int newReplicaSetReplicas(Deployment d, Collection<ReplicaSet> all, ReplicaSet newRs) {
    if (!isRollingUpdate(d)) {
      return replicas(d);
    }
    int current = specReplicas(all);
    int maxTotal = replicas(d) + maxSurge(d);
    if (current >= maxTotal) {
      return replicas(newRs);
    }
    int scaleUp = Math.min(maxTotal - current, replicas(d) - replicas(newRs));
    return replicas(newRs) + scaleUp;
  }
}
