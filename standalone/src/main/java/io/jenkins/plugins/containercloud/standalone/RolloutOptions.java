package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.rollout.IntOrPercent;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a rollout proceeds, as options; unset options keep the engine's defaults. */
final class RolloutOptions {

  @Option(
      names = "--max-surge",
      paramLabel = "N|P%",
      description = "Pods above the desired count during the update (default 1).")
  String maxSurge;

  @Option(
      names = "--max-unavailable",
      paramLabel = "N|P%",
      description = "Pods below the desired count during the update (default 0).")
  String maxUnavailable;

  @Option(
      names = "--min-ready-seconds",
      paramLabel = "SECONDS",
      description = "How long a new pod must be Ready to count as available (default 0).")
  Integer minReadySeconds;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Fail when nothing progresses for this long: 45s, 5m, 1h (default 5m).")
  Duration timeout;

  @Option(names = "--no-rollback", description = "On failure, leave the update as it is.")
  boolean noRollback;

  @Option(
      names = "--keep-new-name",
      description = "RC updates: keep the new controller's name instead of taking the old one.")
  boolean keepNewName;

  RolloutParameters parameters() {
    RolloutParameters parameters = RolloutParameters.defaults();
    if (maxSurge != null) {
      parameters = parameters.withMaxSurge(IntOrPercent.parse("--max-surge", maxSurge));
    }
    if (maxUnavailable != null) {
      parameters =
          parameters.withMaxUnavailable(IntOrPercent.parse("--max-unavailable", maxUnavailable));
    }
    if (minReadySeconds != null) {
      if (minReadySeconds < 0) {
        throw new IllegalArgumentException("--min-ready-seconds: must not be negative");
      }
      parameters = parameters.withMinReady(Duration.ofSeconds(minReadySeconds));
    }
    if (timeout != null) {
      parameters = parameters.withProgressTimeout(timeout);
    }
    return parameters.withRollbackOnFailure(!noRollback).withKeepNewName(keepNewName);
  }
}
