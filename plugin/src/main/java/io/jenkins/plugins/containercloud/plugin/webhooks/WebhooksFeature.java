package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.Extension;
import io.jenkins.plugins.containercloud.plugin.pages.DashboardFeature;

/** The Webhooks page exists in Jenkins: the plugin hosts the webhook engine. */
@Extension
public final class WebhooksFeature implements DashboardFeature {

  @Override
  public String getName() {
    return "webhooks";
  }
}
