package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.plugin.Forms;
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
 * {@code containerPush}: pushes an image the agent's Docker daemon has, with retries, and returns
 * it pinned by digest.
 */
public final class ContainerPushStep extends Step {

  private final String image;
  private String registryCredentialsId;

  @DataBoundConstructor
  public ContainerPushStep(String image) {
    this.image = Texts.trimToNull(image);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new ContainerPushExecution(this, context, JenkinsStepHost::open);
  }

  public String getImage() {
    return image;
  }

  public String getRegistryCredentialsId() {
    return registryCredentialsId;
  }

  @DataBoundSetter
  public void setRegistryCredentialsId(String registryCredentialsId) {
    this.registryCredentialsId = Texts.trimToNull(registryCredentialsId);
  }

  /** The step's name, form and checks. */
  @Extension
  @Symbol("containerPush")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "containerPush";
    }

    @Override
    public String getDisplayName() {
      return "Push a container image";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }

    public FormValidation doCheckImage(@QueryParameter String value) {
      return Forms.check(BuildArguments.imageProblem(value));
    }

    public ListBoxModel doFillRegistryCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String registryCredentialsId) {
      return StepForms.usernamePasswords(item, registryCredentialsId);
    }
  }
}
