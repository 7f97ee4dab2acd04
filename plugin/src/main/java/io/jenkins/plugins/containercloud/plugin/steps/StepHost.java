package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.HistoryLease;
import io.jenkins.plugins.containercloud.plugin.action.ContainerCloudAction;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadRef;
import java.io.IOException;

/**
 * Everything a step takes from the build it runs in. {@link JenkinsStepHost} reads it from the
 * step's context; unit tests hand in their own, since a build cannot be made outside Jenkins.
 */
interface StepHost {

  TaskListener listener();

  EnvVars environment();

  /** The workspace on the agent the step runs on. */
  FilePath workspace();

  /** The build's absolute URL (relative when Jenkins' URL is not configured). */
  String buildUrl();

  /** The build's name, e.g. {@code team » app #12}. */
  String buildName();

  /** Credentials as this build may use them: for the ids a step's arguments name. */
  CredentialResolver credentials();

  /**
   * Credentials as the system sees them: for the ids of the global configuration (clusters,
   * registries, history database), which an administrator chose from the system's credentials.
   */
  CredentialResolver systemCredentials();

  ContainerCloudConfiguration configuration();

  /** A use of the history every deployment is recorded in; close it when the step is done. */
  default HistoryLease history() {
    return configuration().openHistory(systemCredentials());
  }

  /**
   * The node-pool autoscalers running in the controller.
   *
   * @throws io.jenkins.plugins.containercloud.api.ApiException 503 when none runs, saying why
   */
  default io.jenkins.plugins.containercloud.api.Scaling scaling() {
    return io.jenkins.plugins.containercloud.plugin.pools.AutoscalerHost.INSTANCE.scaling();
  }

  /** The build's Container Cloud summary, created on first use. */
  ContainerCloudAction action();

  /**
   * Remembers on the job that its build deployed to {@code workload} (the job's panel shows it).
   */
  default void deployedTo(WorkloadRef workload) {}

  /** Makes the host of a step from its context. */
  @FunctionalInterface
  interface Factory {
    StepHost open(org.jenkinsci.plugins.workflow.steps.StepContext context)
        throws IOException, InterruptedException;
  }
}
