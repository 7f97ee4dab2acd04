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
import java.util.Optional;
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
 * {@code containerBuild}: builds an image in the workspace, through the agent's Docker daemon or
 * daemonless (Jib), pushes it (by default) and returns it pinned by digest.
 */
public final class ContainerBuildStep extends Step {

  private final String image;
  private String tags;
  private String context;
  private String dockerfile;
  private String buildArgs;
  private String target;
  private String labels;
  private boolean noCache;
  private boolean push = true;
  private String registryCredentialsId;
  private boolean daemonless;
  private String base;
  private String layers;

  @DataBoundConstructor
  public ContainerBuildStep(String image) {
    this.image = Texts.trimToNull(image);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new ContainerBuildExecution(this, context, JenkinsStepHost::open);
  }

  public String getImage() {
    return image;
  }

  public String getTags() {
    return tags;
  }

  /** More tags: names of the same repository or full references, separated by commas. */
  @DataBoundSetter
  public void setTags(String tags) {
    this.tags = Texts.trimToNull(tags);
  }

  public String getContext() {
    return context;
  }

  /** The build context, relative to the workspace; the workspace itself by default. */
  @DataBoundSetter
  public void setContext(String context) {
    this.context = Texts.trimToNull(context);
  }

  public String getDockerfile() {
    return dockerfile;
  }

  @DataBoundSetter
  public void setDockerfile(String dockerfile) {
    this.dockerfile = Texts.trimToNull(dockerfile);
  }

  public String getBuildArgs() {
    return buildArgs;
  }

  /** {@code KEY=VALUE} lines. */
  @DataBoundSetter
  public void setBuildArgs(String buildArgs) {
    this.buildArgs = Texts.trimToNull(buildArgs);
  }

  public String getTarget() {
    return target;
  }

  @DataBoundSetter
  public void setTarget(String target) {
    this.target = Texts.trimToNull(target);
  }

  public String getLabels() {
    return labels;
  }

  /** {@code KEY=VALUE} lines. */
  @DataBoundSetter
  public void setLabels(String labels) {
    this.labels = Texts.trimToNull(labels);
  }

  public boolean isNoCache() {
    return noCache;
  }

  @DataBoundSetter
  public void setNoCache(boolean noCache) {
    this.noCache = noCache;
  }

  public boolean isPush() {
    return push;
  }

  @DataBoundSetter
  public void setPush(boolean push) {
    this.push = push;
  }

  public String getRegistryCredentialsId() {
    return registryCredentialsId;
  }

  @DataBoundSetter
  public void setRegistryCredentialsId(String registryCredentialsId) {
    this.registryCredentialsId = Texts.trimToNull(registryCredentialsId);
  }

  public boolean isDaemonless() {
    return daemonless;
  }

  @DataBoundSetter
  public void setDaemonless(boolean daemonless) {
    this.daemonless = daemonless;
  }

  public String getBase() {
    return base;
  }

  @DataBoundSetter
  public void setBase(String base) {
    this.base = Texts.trimToNull(base);
  }

  public String getLayers() {
    return layers;
  }

  /** {@code SRC:DEST[:MODE]} lines, SRC relative to the context. */
  @DataBoundSetter
  public void setLayers(String layers) {
    this.layers = Texts.trimToNull(layers);
  }

  /** The step's name, form and checks. */
  @Extension
  @Symbol("containerBuild")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "containerBuild";
    }

    @Override
    public String getDisplayName() {
      return "Build a container image";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }

    public FormValidation doCheckImage(@QueryParameter String value) {
      return Forms.check(BuildArguments.imageProblem(value));
    }

    public FormValidation doCheckTags(@QueryParameter String image, @QueryParameter String value) {
      return Forms.check(BuildArguments.tagsProblem(image, value));
    }

    public FormValidation doCheckBuildArgs(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> Arguments.keyValues("buildArgs", value)));
    }

    public FormValidation doCheckLabels(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> Arguments.keyValues("labels", value)));
    }

    public FormValidation doCheckBase(
        @QueryParameter boolean daemonless, @QueryParameter String value) {
      if (!daemonless) {
        return FormValidation.ok();
      }
      return Forms.check(StepForms.problem(() -> BuildArguments.tagOrDigest("base", value)));
    }

    public FormValidation doCheckLayers(@QueryParameter String value) {
      return Forms.check(
          Arguments.lines(value).stream()
              .map(BuildArguments::layerProblem)
              .flatMap(Optional::stream)
              .findFirst());
    }

    public ListBoxModel doFillRegistryCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String registryCredentialsId) {
      return StepForms.usernamePasswords(item, registryCredentialsId);
    }
  }
}
