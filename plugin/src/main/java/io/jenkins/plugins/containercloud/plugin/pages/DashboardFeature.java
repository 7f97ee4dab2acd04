package io.jenkins.plugins.containercloud.plugin.pages;

import hudson.ExtensionPoint;

/**
 * A page of the dashboard that exists only when its engine is installed: {@code scaling} (the node
 * pools' autoscaler) or {@code webhooks} (the webhook receiver). An {@code @Extension} of this
 * makes the page's link appear in the side panel and in the app ({@code data-features}).
 */
public interface DashboardFeature extends ExtensionPoint {

  /** {@code scaling} or {@code webhooks}: the page's name in the app and in the URL. */
  String getName();
}
