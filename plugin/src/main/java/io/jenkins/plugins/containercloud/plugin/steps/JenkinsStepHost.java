package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.action.ContainerCloudAction;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadAction;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadRef;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A step's host in Jenkins: the build, its log, environment and workspace from the context. */
final class JenkinsStepHost implements StepHost {

  private final Run<?, ?> run;
  private final TaskListener listener;
  private final EnvVars environment;
  private final FilePath workspace;

  private JenkinsStepHost(
      Run<?, ?> run, TaskListener listener, EnvVars environment, FilePath workspace) {
    this.run = run;
    this.listener = listener;
    this.environment = environment;
    this.workspace = workspace;
  }

  static StepHost open(StepContext context) throws IOException, InterruptedException {
    return new JenkinsStepHost(
        context.get(Run.class),
        context.get(TaskListener.class),
        context.get(EnvVars.class),
        context.get(FilePath.class));
  }

  @Override
  public TaskListener listener() {
    return listener;
  }

  @Override
  public EnvVars environment() {
    return environment == null ? new EnvVars() : environment;
  }

  @Override
  public FilePath workspace() {
    return workspace;
  }

  @Override
  public String buildUrl() {
    String root = Jenkins.get().getRootUrl();
    return root == null ? run.getUrl() : root + run.getUrl();
  }

  @Override
  public String buildName() {
    return run.getFullDisplayName();
  }

  @Override
  public CredentialResolver credentials() {
    return CredentialResolver.forRun(run);
  }

  @Override
  public CredentialResolver systemCredentials() {
    return CredentialResolver.system();
  }

  @Override
  public ContainerCloudConfiguration configuration() {
    return ContainerCloudConfiguration.get();
  }

  @Override
  public ContainerCloudAction action() {
    // Parallel branches may add their first entry at the same moment: one action per build.
    synchronized (run) {
      ContainerCloudAction action = run.getAction(ContainerCloudAction.class);
      if (action == null) {
        action = new ContainerCloudAction();
        run.addAction(action);
      }
      return action;
    }
  }

  @Override
  public void deployedTo(WorkloadRef workload) {
    Job<?, ?> job = run.getParent();
    synchronized (job) {
      WorkloadAction action = job.getAction(WorkloadAction.class);
      if (action == null) {
        action = new WorkloadAction();
        // Kept with the job until Jenkins restarts (the next deployment adds it again).
        job.addAction(action);
      }
      action.deployed(workload);
    }
  }
}
