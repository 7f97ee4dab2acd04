package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.plugin.Forms;
import io.jenkins.plugins.containercloud.plugin.SettingsChecks;
import io.jenkins.plugins.containercloud.plugin.Texts;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code containerRollback}: restores the image that ran before the workload's last successful
 * deployment in the history (else the cluster's own record of the previous image).
 */
public final class ContainerRollbackStep extends Step {

  private final String cluster;
  private String namespace;
  private String replicationController;
  private String deployment;
  private String container;
  private String timeout;

  @DataBoundConstructor
  public ContainerRollbackStep(String cluster) {
    this.cluster = Texts.trimToNull(cluster);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new ContainerRollbackExecution(this, context, JenkinsStepHost::open);
  }

  public String getCluster() {
    return cluster;
  }

  public String getNamespace() {
    return namespace;
  }

  @DataBoundSetter
  public void setNamespace(String namespace) {
    this.namespace = Texts.trimToNull(namespace);
  }

  public String getReplicationController() {
    return replicationController;
  }

  @DataBoundSetter
  public void setReplicationController(String replicationController) {
    this.replicationController = Texts.trimToNull(replicationController);
  }

  public String getDeployment() {
    return deployment;
  }

  @DataBoundSetter
  public void setDeployment(String deployment) {
    this.deployment = Texts.trimToNull(deployment);
  }

  public String getContainer() {
    return container;
  }

  @DataBoundSetter
  public void setContainer(String container) {
    this.container = Texts.trimToNull(container);
  }

  public String getTimeout() {
    return timeout;
  }

  @DataBoundSetter
  public void setTimeout(String timeout) {
    this.timeout = Texts.trimToNull(timeout);
  }

  /** The step's name, form and checks. */
  @Extension
  @Symbol("containerRollback")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "containerRollback";
    }

    @Override
    public String getDisplayName() {
      return "Roll a Kubernetes workload back to its previous image";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    public ListBoxModel doFillClusterItems(
        @AncestorInPath Item item, @QueryParameter String cluster) {
      return StepForms.clusters(item, cluster);
    }

    public FormValidation doCheckCluster(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> DeployArguments.cluster(value)));
    }

    public FormValidation doCheckNamespace(@QueryParameter String value) {
      return Forms.check(SettingsChecks.namespace(value));
    }

    public FormValidation doCheckTimeout(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> Arguments.duration("timeout", value)));
    }
  }
}
