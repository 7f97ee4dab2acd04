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
import io.jenkins.plugins.containercloud.rollout.IntOrPercent;
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
 * {@code containerDeploy}: rolls an image out to a ReplicationController (rolling update) or a
 * Deployment (rollout), or applies manifests, on a configured cluster; waits for the result, rolls
 * back on failure (by default) and records the deployment with the build as its trigger.
 */
public final class ContainerDeployStep extends Step {

  private final String cluster;
  private String namespace;
  private String replicationController;
  private String deployment;
  private String manifests;
  private String container;
  private String image;
  private String maxSurge;
  private String maxUnavailable;
  private int minReadySeconds;
  private String timeout;
  private boolean rollbackOnFailure = true;

  @DataBoundConstructor
  public ContainerDeployStep(String cluster) {
    this.cluster = Texts.trimToNull(cluster);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new ContainerDeployExecution(this, context, JenkinsStepHost::open);
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

  public String getManifests() {
    return manifests;
  }

  /** Manifest files in the workspace, separated by commas or new lines. */
  @DataBoundSetter
  public void setManifests(String manifests) {
    this.manifests = Texts.trimToNull(manifests);
  }

  public String getContainer() {
    return container;
  }

  @DataBoundSetter
  public void setContainer(String container) {
    this.container = Texts.trimToNull(container);
  }

  public String getImage() {
    return image;
  }

  @DataBoundSetter
  public void setImage(String image) {
    this.image = Texts.trimToNull(image);
  }

  public String getMaxSurge() {
    return maxSurge;
  }

  @DataBoundSetter
  public void setMaxSurge(String maxSurge) {
    this.maxSurge = Texts.trimToNull(maxSurge);
  }

  public String getMaxUnavailable() {
    return maxUnavailable;
  }

  @DataBoundSetter
  public void setMaxUnavailable(String maxUnavailable) {
    this.maxUnavailable = Texts.trimToNull(maxUnavailable);
  }

  public int getMinReadySeconds() {
    return minReadySeconds;
  }

  @DataBoundSetter
  public void setMinReadySeconds(int minReadySeconds) {
    this.minReadySeconds = minReadySeconds;
  }

  public String getTimeout() {
    return timeout;
  }

  /** How long the rollout may go without progress: {@code 90s}, {@code 5m}, {@code 1h}. */
  @DataBoundSetter
  public void setTimeout(String timeout) {
    this.timeout = Texts.trimToNull(timeout);
  }

  public boolean isRollbackOnFailure() {
    return rollbackOnFailure;
  }

  @DataBoundSetter
  public void setRollbackOnFailure(boolean rollbackOnFailure) {
    this.rollbackOnFailure = rollbackOnFailure;
  }

  /** The step's name, form and checks. */
  @Extension
  @Symbol("containerDeploy")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "containerDeploy";
    }

    @Override
    public String getDisplayName() {
      return "Deploy a container image to Kubernetes";
    }

    /** No workspace needed, unless manifests are read from it. */
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

    public FormValidation doCheckImage(@QueryParameter String value) {
      if (Texts.trimToNull(value) == null) {
        return FormValidation.ok();
      }
      return Forms.check(StepForms.problem(() -> BuildArguments.tagOrDigest("image", value)));
    }

    public FormValidation doCheckMaxSurge(@QueryParameter String value) {
      return intOrPercent("maxSurge", value);
    }

    public FormValidation doCheckMaxUnavailable(@QueryParameter String value) {
      return intOrPercent("maxUnavailable", value);
    }

    public FormValidation doCheckMinReadySeconds(@QueryParameter int value) {
      return value < 0
          ? FormValidation.error("minReadySeconds: must not be negative")
          : FormValidation.ok();
    }

    public FormValidation doCheckTimeout(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> Arguments.duration("timeout", value)));
    }

    private static FormValidation intOrPercent(String argument, String value) {
      if (Texts.trimToNull(value) == null) {
        return FormValidation.ok();
      }
      return Forms.check(StepForms.problem(() -> IntOrPercent.parse(argument, value)));
    }
  }
}
