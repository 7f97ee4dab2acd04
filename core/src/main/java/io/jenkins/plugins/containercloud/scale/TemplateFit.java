package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a pod could ever run on an empty node of a pool, judged as the scheduler would: node
 * selector, required node affinity, taints against tolerations, and requests against allocatable.
 */
final class TemplateFit {

  private TemplateFit() {}

  /** The labels a pool's node will carry (its template's and the pool label). */
  static Map<String, String> nodeLabels(NodePool pool) {
    Map<String, String> labels = new HashMap<>(pool.template().labels());
    labels.put(NodePool.POOL_LABEL, pool.name());
    return labels;
  }

  /** Why {@code pod} can never run on a node of {@code pool}, or null when it can. */
  static String whyNot(PodDemand pod, NodePool pool) {
    Map<String, String> labels = nodeLabels(pool);
    for (Map.Entry<String, String> e : pod.nodeSelector().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return "node selector " + e.getKey() + "=" + e.getValue() + " does not match its nodes";
      }
    }
    if (!Selectors.anyTerm(pod.requiredNodeAffinity(), labels)) {
      return "required node affinity does not match its nodes' labels";
    }
    for (Taint taint : pool.template().taints()) {
      if (taint.repels() && !tolerated(pod, taint)) {
        return "taint "
            + taint.key()
            + "="
            + taint.value()
            + ":"
            + taint.effect()
            + " not tolerated";
      }
    }
    String exceeding = pod.requests().exceeding(pool.template().allocatable());
    if (exceeding != null) {
      return "requests exceed a whole node (" + exceeding + ")";
    }
    return null;
  }

  private static boolean tolerated(PodDemand pod, Taint taint) {
    for (Toleration t : pod.tolerations()) {
      boolean effect =
          t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals(taint.effect());
      if (!effect) {
        continue;
      }
      if ("Exists".equals(t.getOperator())) {
        if (t.getKey() == null || t.getKey().isEmpty() || t.getKey().equals(taint.key())) {
          return true;
        }
      } else if (taint.key().equals(t.getKey())
          && taint.value().equals(t.getValue() == null ? "" : t.getValue())) {
        return true;
      }
    }
    return false;
  }
}
