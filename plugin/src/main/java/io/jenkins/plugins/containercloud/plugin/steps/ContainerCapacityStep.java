package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.Extension;
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
 * {@code containerCapacity(pool: 'workers', cpu: '8', memory: '16Gi', timeout: '10m')}: waits until
 * the pool's (or a cluster's) Ready nodes have that much CPU and memory free for new pods.
 */
public final class ContainerCapacityStep extends Step {

  private String pool;
  private String cluster;
  private String cpu;
  private String memory;
  private String timeout;

  @DataBoundConstructor
  public ContainerCapacityStep() {}

  @Override
  public StepExecution start(StepContext context) {
    return new ContainerCapacityExecution(this, context, JenkinsStepHost::open);
  }

  public String getPool() {
    return pool;
  }

  @DataBoundSetter
  public void setPool(String pool) {
    this.pool = Texts.trimToNull(pool);
  }

  public String getCluster() {
    return cluster;
  }

  /** The cluster to look at when no pool is named (a pool names its own). */
  @DataBoundSetter
  public void setCluster(String cluster) {
    this.cluster = Texts.trimToNull(cluster);
  }

  public String getCpu() {
    return cpu;
  }

  @DataBoundSetter
  public void setCpu(String cpu) {
    this.cpu = Texts.trimToNull(cpu);
  }

  public String getMemory() {
    return memory;
  }

  @DataBoundSetter
  public void setMemory(String memory) {
    this.memory = Texts.trimToNull(memory);
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
  @Symbol("containerCapacity")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "containerCapacity";
    }

    @Override
    public String getDisplayName() {
      return "Wait until a node pool or cluster has room for CPU and memory";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    public ListBoxModel doFillClusterItems(
        @AncestorInPath Item item, @QueryParameter String cluster) {
      ListBoxModel model = new ListBoxModel();
      model.add("");
      StepForms.clusters(item, cluster).forEach(model::add);
      return model;
    }

    public FormValidation doCheckCpu(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> PoolArguments.cpu(value)));
    }

    public FormValidation doCheckMemory(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> PoolArguments.memory(value)));
    }

    public FormValidation doCheckTimeout(@QueryParameter String value) {
      return Forms.check(StepForms.problem(() -> PoolArguments.timeout(value)));
    }
  }
}
