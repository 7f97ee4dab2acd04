package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.plugin.Texts;
import io.jenkins.plugins.containercloud.webhook.TriggerRule;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A rule's action that deploys directly, as {@code serve}'s rules do: the pushed image, pinned by
 * digest, rolled out to a workload of a configured cluster.
 */
public final class WebhookDeploySettings implements Describable<WebhookDeploySettings> {

  private final String cluster;
  private final String namespace;
  private final String kind;
  private final String workload;
  private String container;
  private String maxSurge;
  private String maxUnavailable;
  private Integer timeoutSeconds;

  @DataBoundConstructor
  public WebhookDeploySettings(String cluster, String namespace, String kind, String workload) {
    this.cluster = Texts.trimToNull(cluster);
    this.namespace = Texts.trimToNull(namespace);
    this.kind = Texts.trimToNull(kind);
    this.workload = Texts.trimToNull(workload);
  }

  public String getCluster() {
    return cluster;
  }

  public String getNamespace() {
    return namespace;
  }

  public String getKind() {
    return kind;
  }

  public String getWorkload() {
    return workload;
  }

  public String getContainer() {
    return container;
  }

  /** The container to update; empty when the workload has one. */
  @DataBoundSetter
  public void setContainer(String container) {
    this.container = Texts.trimToNull(container);
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

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  @DataBoundSetter
  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  TriggerRule.RuleTarget toTarget() {
    return new TriggerRule.RuleTarget(
        cluster, namespace, kind == null ? "Deployment" : kind, workload, container);
  }

  TriggerRule.RolloutSettings toRollout() {
    return new TriggerRule.RolloutSettings(maxSurge, maxUnavailable, timeoutSeconds);
  }

  /** The form of the deploy action. */
  @Extension
  @Symbol("deploy")
  public static final class DescriptorImpl extends Descriptor<WebhookDeploySettings> {

    @Override
    public String getDisplayName() {
      return "Deploy the pushed image";
    }

    public ListBoxModel doFillKindItems() {
      ListBoxModel items = new ListBoxModel();
      items.add("Deployment");
      items.add("ReplicationController");
      return items;
    }
  }
}
