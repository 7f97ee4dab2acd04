package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.containercloud.plugin.Forms;
import io.jenkins.plugins.containercloud.plugin.Texts;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code containerScale(pool: 'workers', nodes: 3)}: brings a node pool to that many nodes by hand
 * and waits until they are Ready (or gone).
 */
public final class ContainerScaleStep extends Step {

  private final String pool;
  private final Integer nodes;
  private String timeout;

  @DataBoundConstructor
  public ContainerScaleStep(String pool, Integer nodes) {
    this.pool = Texts.trimToNull(pool);
    this.nodes = nodes;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new ContainerScaleExecution(this, context, JenkinsStepHost::open);
  }

  public String getPool() {
    return pool;
  }

  public Integer getNodes() {
    return nodes;
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
  @Symbol("containerScale")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "containerScale";
    }

    @Override
    public String getDisplayName() {
      return "Scale a node pool to a number of nodes";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    public FormValidation doCheckPool(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> PoolArguments.pool(value)));
    }

    public FormValidation doCheckNodes(@QueryParameter String value) {
      return Forms.check(
          StepForms.problem(
              () -> {
                try {
                  PoolArguments.nodes(Integer.valueOf(value.strip()));
                } catch (NumberFormatException | NullPointerException e) {
                  PoolArguments.nodes(null);
                }
              }));
    }

    public FormValidation doCheckTimeout(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> PoolArguments.timeout(value)));
    }
  }
}
