package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.containercloud.plugin.Texts;
import io.jenkins.plugins.containercloud.webhook.TriggerRule;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One trigger rule of a hook: pushes to {@code repository} (a glob) whose tag matches {@code tags}
 * either deploy a workload directly ({@code deploy}, as in {@code serve}) or start Pipeline jobs
 * ({@code startJobs}); exactly one of the two.
 */
public final class WebhookRuleSettings implements Describable<WebhookRuleSettings> {

  private final String name;
  private final String repository;
  private String tags;
  private String branches;
  private String registry;
  private WebhookDeploySettings deploy;
  private WebhookJobSettings startJobs;

  @DataBoundConstructor
  public WebhookRuleSettings(String name, String repository) {
    this.name = Texts.trimToNull(name);
    this.repository = Texts.trimToNull(repository);
  }

  public String getName() {
    return name;
  }

  public String getRepository() {
    return repository;
  }

  public String getTags() {
    return tags;
  }

  /** A glob of image tags (or, for code pushes, Git tags); empty for any. */
  @DataBoundSetter
  public void setTags(String tags) {
    this.tags = Texts.trimToNull(tags);
  }

  public String getBranches() {
    return branches;
  }

  /** A glob of branches a code push must match (rules that start jobs for code pushes). */
  @DataBoundSetter
  public void setBranches(String branches) {
    this.branches = Texts.trimToNull(branches);
  }

  public String getRegistry() {
    return registry;
  }

  /** The registry host to deploy from, when the cluster pulls through another name. */
  @DataBoundSetter
  public void setRegistry(String registry) {
    this.registry = Texts.trimToNull(registry);
  }

  public WebhookDeploySettings getDeploy() {
    return deploy;
  }

  @DataBoundSetter
  public void setDeploy(WebhookDeploySettings deploy) {
    this.deploy = deploy;
  }

  public WebhookJobSettings getStartJobs() {
    return startJobs;
  }

  @DataBoundSetter
  public void setStartJobs(WebhookJobSettings startJobs) {
    this.startJobs = startJobs;
  }

  /**
   * The engine's rule.
   *
   * @param field where the rule is, for the error ("webhook NAME: ")
   * @throws IllegalArgumentException naming the field and the fix
   */
  TriggerRule toRule(String field) {
    String where = field + "rule " + (name == null ? "(unnamed)" : name) + ": ";
    if ((deploy == null) == (startJobs == null)) {
      throw new IllegalArgumentException(
          where + "give either deploy (a workload) or startJobs (Pipeline jobs), one of the two");
    }
    try {
      return new TriggerRule(
          name == null ? "" : name,
          repository,
          tags,
          registry,
          deploy == null ? null : deploy.toTarget(),
          deploy == null ? null : deploy.toRollout(),
          branches,
          null,
          startJobs == null ? null : startJobs.toJobs());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
  }

  /** The form of a rule. */
  @Extension
  @Symbol("webhookRule")
  public static final class DescriptorImpl extends Descriptor<WebhookRuleSettings> {

    @Override
    public String getDisplayName() {
      return "Trigger rule";
    }
  }
}
