package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.containercloud.webhook.JobTarget;
import java.util.Arrays;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A rule's action that starts Pipeline jobs: each matching push queues one build of each job (full
 * names, one per line or comma-separated) with String parameters and a cause naming the delivery.
 */
public final class WebhookJobSettings implements Describable<WebhookJobSettings> {

  private final String jobs;
  private boolean codePushes;
  private boolean newestWins;

  @DataBoundConstructor
  public WebhookJobSettings(String jobs) {
    this.jobs = jobs == null ? "" : jobs.strip();
  }

  public String getJobs() {
    return jobs;
  }

  public boolean isCodePushes() {
    return codePushes;
  }

  /** True: Git pushes start the jobs (branches/tags match refs); false: image pushes do. */
  @DataBoundSetter
  public void setCodePushes(boolean codePushes) {
    this.codePushes = codePushes;
  }

  public boolean isNewestWins() {
    return newestWins;
  }

  /**
   * True: while a job builds for an earlier delivery, only the newest delivery starts it next (the
   * ones in between are recorded SUPERSEDED); false: every delivery its own build.
   */
  @DataBoundSetter
  public void setNewestWins(boolean newestWins) {
    this.newestWins = newestWins;
  }

  /** The job names, in order. */
  List<String> names() {
    return Arrays.stream(jobs.split("[,\\n]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  JobTarget toJobs() {
    return new JobTarget(names(), codePushes, newestWins);
  }

  /** The form of the start-jobs action. */
  @Extension
  @Symbol("startJobs")
  public static final class DescriptorImpl extends Descriptor<WebhookJobSettings> {

    @Override
    public String getDisplayName() {
      return "Start Pipeline jobs";
    }
  }
}
