package io.jenkins.plugins.containercloud.plugin.pools;

import hudson.Extension;
import io.jenkins.plugins.containercloud.plugin.pages.DashboardFeature;

/** Shows the Scaling page: the node pools' autoscaler runs in this plugin. */
@Extension
public final class ScalingFeature implements DashboardFeature {

  @Override
  public String getName() {
    return "scaling";
  }
}
