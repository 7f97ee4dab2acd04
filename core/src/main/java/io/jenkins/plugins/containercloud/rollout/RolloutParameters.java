package io.jenkins.plugins.containercloud.rollout;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a rollout proceeds: surge and unavailability limits, how long a pod must be Ready to count as
 * available, the progress deadline (reset whenever the rollout makes progress), whether a failure
 * rolls back, and whether an RC update keeps the new controller's name.
 */
public record RolloutParameters(
    IntOrPercent maxSurge,
    IntOrPercent maxUnavailable,
    Duration minReady,
    Duration progressTimeout,
    boolean rollbackOnFailure,
    boolean keepNewName) {

  /** The defaults {@code kubectl rolling-update} hard-coded: surge 1, unavailable 0, 5 minutes. */
  public static RolloutParameters defaults() {
    return new RolloutParameters(
        IntOrPercent.of(1), IntOrPercent.of(0), Duration.ZERO, Duration.ofMinutes(5), true, false);
  }

  public RolloutParameters {
    Objects.requireNonNull(maxSurge, "maxSurge");
    Objects.requireNonNull(maxUnavailable, "maxUnavailable");
    Objects.requireNonNull(minReady, "minReady");
    Objects.requireNonNull(progressTimeout, "progressTimeout");
    if (minReady.isNegative()) {
      throw new InvalidRolloutException("minReadySeconds: must not be negative");
    }
    if (progressTimeout.isNegative() || progressTimeout.isZero()) {
      throw new InvalidRolloutException("timeout: must be positive, e.g. 5m");
    }
  }

  public RolloutParameters withMaxSurge(IntOrPercent value) {
    return new RolloutParameters(
        value, maxUnavailable, minReady, progressTimeout, rollbackOnFailure, keepNewName);
  }

  public RolloutParameters withMaxUnavailable(IntOrPercent value) {
    return new RolloutParameters(
        maxSurge, value, minReady, progressTimeout, rollbackOnFailure, keepNewName);
  }

  public RolloutParameters withMinReady(Duration value) {
    return new RolloutParameters(
        maxSurge, maxUnavailable, value, progressTimeout, rollbackOnFailure, keepNewName);
  }

  public RolloutParameters withProgressTimeout(Duration value) {
    return new RolloutParameters(
        maxSurge, maxUnavailable, minReady, value, rollbackOnFailure, keepNewName);
  }

  public RolloutParameters withRollbackOnFailure(boolean value) {
    return new RolloutParameters(
        maxSurge, maxUnavailable, minReady, progressTimeout, value, keepNewName);
  }

  public RolloutParameters withKeepNewName(boolean value) {
    return new RolloutParameters(
        maxSurge, maxUnavailable, minReady, progressTimeout, rollbackOnFailure, value);
  }

  /** The parameters as text, for the history's record of the strategy. */
  public Map<String, String> describe() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("maxSurge", maxSurge.toString());
    map.put("maxUnavailable", maxUnavailable.toString());
    map.put("minReadySeconds", Long.toString(minReady.toSeconds()));
    map.put("timeout", progressTimeout.toString());
    map.put("rollbackOnFailure", Boolean.toString(rollbackOnFailure));
    map.put("keepNewName", Boolean.toString(keepNewName));
    return map;
  }
}
