package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.DeploymentReport;
import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.history.Trigger;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code container-cloud rollback}: restore the image that ran before the last deployment. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Restores the image that ran before the workload's last successful deployment (from the"
          + " history; else the RC's recorded previous image or the Deployment's previous"
          + " revision), or undoes an RC update left in progress.",
      "Exit code 0: rolled back; 1: the rollback failed; 2: bad input, nothing changed."
    })
final class RollbackCommand implements Callable<Integer> {

  @ParentCommand ContainerCloudCommand top;
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;
  @Mixin RolloutOptions rollout;
  @Mixin HistoryOptions history;
  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  WorkloadOptions workload;

  @Option(names = "--container", paramLabel = "NAME", description = "The container to restore.")
  String container;

  @Override
  public Integer call() {
    var parameters = rollout.parameters();
    RolloutPrinter printer = new RolloutPrinter(spec.commandLine().getErr(), output.quiet);
    String user = top.environment().getOrDefault("USER", "unknown");
    // Closed last: the history is flushed before a signal lets the JVM exit.
    try (AbortOnSignal abort = new AbortOnSignal(parameters.progressTimeout().plusMinutes(1));
        Deployments deployments = history.open(top.environment());
        Cluster connected = Cluster.connect(cluster.config(top.environment()))) {
      DeploymentReport report =
          deployments.rollback(
              connected,
              workload.target(connected.defaultNamespace(), container),
              parameters,
              Trigger.cli(user),
              printer);
      output.printRollout(spec.commandLine().getOut(), report);
      return report.result().succeeded() ? 0 : Main.FAILURE;
    }
  }
}
