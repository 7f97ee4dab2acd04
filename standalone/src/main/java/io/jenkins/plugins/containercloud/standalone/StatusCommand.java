package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.JsonViews;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.rollout.WorkloadStatus;
import io.jenkins.plugins.containercloud.rollout.WorkloadStatusReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code container-cloud status}: a workload's rollout state. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a workload's rollout state: replicas desired, current, ready, available and updated,"
          + " its images, and any update in progress.",
      "Exit code 0: the rollout is complete; 1: it is not (in progress or stuck); 2: bad input."
    })
final class StatusCommand implements Callable<Integer> {

  @ParentCommand ContainerCloudCommand top;
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;
  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  WorkloadOptions workload;

  @Override
  public Integer call() {
    try (Cluster connected = Cluster.connect(cluster.config(top.environment()))) {
      WorkloadStatus status =
          WorkloadStatusReader.readNow(
              connected.client(), workload.target(connected.defaultNamespace(), null));
      PrintWriter out = spec.commandLine().getOut();
      if (output.format == OutputOptions.Format.json) {
        out.println(JsonViews.status(status));
      } else {
        out.printf(
            "%s: %d desired, %d current, %d ready, %d available, %d updated%s%n",
            status.workload(),
            status.desired(),
            status.current(),
            status.ready(),
            status.available(),
            status.updated(),
            status.revision() == null ? "" : ", revision " + status.revision());
        status.images().forEach((c, i) -> out.printf("  container %s: %s%n", c, i));
        out.println(
            status.complete()
                ? "  rollout complete"
                : "  rollout not complete"
                    + status.updateInProgress().map(p -> ": " + p).orElse(""));
      }
      out.flush();
      return status.complete() ? 0 : Main.FAILURE;
    }
  }
}
