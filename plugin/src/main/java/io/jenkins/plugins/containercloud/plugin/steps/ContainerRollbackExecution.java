package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.plugin.ClusterConnector;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.HistoryLease;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code containerRollback} on the controller and records it like a deployment. */
final class ContainerRollbackExecution extends ContainerCloudExecution<Map<String, Object>> {

  private static final long serialVersionUID = 1L;

  private final transient ContainerRollbackStep step;

  ContainerRollbackExecution(
      ContainerRollbackStep step, StepContext context, StepHost.Factory hosts) {
    super(context, hosts);
    this.step = step;
  }

  @Override
  Map<String, Object> run(StepHost host, SecretMasker masker) throws Exception {
    DeployPlan plan = DeployArguments.of(step);
    ClusterSettings settings = host.configuration().requireCluster("cluster", plan.cluster());
    DeploymentSummary summary;
    // The history stays open for this rollout even if its setting changes meanwhile.
    try (HistoryLease history = host.history()) {
      Deployer deployer =
          new Deployer(
              history.deployments(),
              Trigger.build(host.buildUrl()),
              "container-cloud rollback: " + host.buildName() + " " + host.buildUrl(),
              host.listener().getLogger(),
              masker);
      try (Cluster cluster =
          ClusterConnector.connect(settings, masker.recording(host.systemCredentials()))) {
        summary = deployer.rollback(cluster, plan);
      }
    }
    return StepOutcomes.finish(host, summary);
  }
}
