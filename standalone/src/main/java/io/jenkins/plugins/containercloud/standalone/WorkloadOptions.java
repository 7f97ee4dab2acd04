package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import picocli.CommandLine.Option;

/** The workload a command targets: {@code --rc NAME} or {@code --deployment NAME}. */
final class WorkloadOptions {

  @Option(names = "--rc", paramLabel = "NAME", description = "A ReplicationController.")
  String replicationController;

  @Option(names = "--deployment", paramLabel = "NAME", description = "A Deployment.")
  String deployment;

  WorkloadTarget target(String namespace, String container) {
    return replicationController != null
        ? new WorkloadTarget(
            namespace, WorkloadKind.REPLICATION_CONTROLLER, replicationController, container)
        : new WorkloadTarget(namespace, WorkloadKind.DEPLOYMENT, deployment, container);
  }
}
