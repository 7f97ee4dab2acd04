package io.jenkins.plugins.containercloud.plugin.steps;

import java.util.Map;

/** How a deploying step ends: recorded on the build, then returned, failed or aborted. */
final class StepOutcomes {

  private StepOutcomes() {}

  static Map<String, Object> finish(StepHost host, DeploymentSummary summary)
      throws StepFailedException, InterruptedException {
    host.action().add(summary.entry());
    summary.workload().ifPresent(host::deployedTo);
    if (Thread.interrupted()) {
      // The build was aborted during the rollout; the engine has rolled it back.
      host.listener().getLogger().println(summary.failure());
      throw new InterruptedException(summary.failure());
    }
    if (!summary.succeeded()) {
      throw new StepFailedException(summary.failure());
    }
    return summary.toMap();
  }
}
