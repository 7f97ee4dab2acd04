package io.jenkins.plugins.containercloud.scale;

import java.util.Objects;

/** A taint the nodes of a pool carry from birth ({@code effect}: NoSchedule, NoExecute, ...). */
public record Taint(String key, String value, String effect) {

  public Taint {
    Objects.requireNonNull(key, "key");
    value = value == null ? "" : value;
    if (!"NoSchedule".equals(effect)
        && !"NoExecute".equals(effect)
        && !"PreferNoSchedule".equals(effect)) {
      throw new IllegalArgumentException(
          "taint "
              + key
              + ": effect must be NoSchedule, NoExecute or PreferNoSchedule, not "
              + effect);
    }
  }

  /** Whether a pod must tolerate it to be scheduled (PreferNoSchedule is only a preference). */
  boolean repels() {
    return !"PreferNoSchedule".equals(effect);
  }
}
