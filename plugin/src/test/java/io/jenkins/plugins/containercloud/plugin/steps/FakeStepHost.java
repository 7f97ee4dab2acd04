package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.LocalFilePaths;
import hudson.model.TaskListener;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.action.ContainerCloudAction;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadAction;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A build as a step sees it, without Jenkins: a log in memory, an environment, a local workspace,
 * credentials and configuration chosen by the test, and the build's summary action.
 */
final class FakeStepHost implements StepHost {

  static final String BUILD_URL = "http://jenkins.example.com/job/app/42/";

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
  private final TaskListener listener = () -> logStream;
  private final EnvVars environment = new EnvVars();
  private final ContainerCloudAction action = new ContainerCloudAction();
  private final WorkloadAction workloads = new WorkloadAction();
  private final ContainerCloudConfiguration configuration;
  private final CredentialResolver credentials;
  private final CredentialResolver systemCredentials;
  private final FilePath workspace;

  /** A host whose build and system see the same credentials. */
  FakeStepHost(
      ContainerCloudConfiguration configuration, CredentialResolver credentials, Path workspace) {
    this(configuration, credentials, credentials, workspace);
  }

  FakeStepHost(
      ContainerCloudConfiguration configuration,
      CredentialResolver credentials,
      CredentialResolver systemCredentials,
      Path workspace) {
    this.configuration = configuration;
    this.credentials = credentials;
    this.systemCredentials = systemCredentials;
    this.workspace = workspace == null ? null : LocalFilePaths.of(workspace.toFile());
  }

  /** Everything the step wrote to the build log so far. */
  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  /** A factory handing this host to an execution. */
  StepHost.Factory factory() {
    return context -> this;
  }

  @Override
  public TaskListener listener() {
    return listener;
  }

  @Override
  public EnvVars environment() {
    return environment;
  }

  @Override
  public FilePath workspace() {
    return workspace;
  }

  @Override
  public String buildUrl() {
    return BUILD_URL;
  }

  @Override
  public String buildName() {
    return "app #42";
  }

  @Override
  public CredentialResolver credentials() {
    return credentials;
  }

  @Override
  public CredentialResolver systemCredentials() {
    return systemCredentials;
  }

  @Override
  public ContainerCloudConfiguration configuration() {
    return configuration;
  }

  @Override
  public ContainerCloudAction action() {
    return action;
  }

  @Override
  public void deployedTo(WorkloadRef workload) {
    workloads.deployed(workload);
  }

  private io.jenkins.plugins.containercloud.api.Scaling scaling;

  /** Hands the steps these autoscalers (else the controller's, which do not run in tests). */
  FakeStepHost withScaling(io.jenkins.plugins.containercloud.api.Scaling autoscalers) {
    this.scaling = autoscalers;
    return this;
  }

  @Override
  public io.jenkins.plugins.containercloud.api.Scaling scaling() {
    return scaling != null ? scaling : StepHost.super.scaling();
  }

  /** The job's workload panel, as the steps filled it. */
  WorkloadAction workloads() {
    return workloads;
  }
}
