package io.jenkins.plugins.containercloud.plugin.pages;

import java.util.List;
import java.util.Set;

/**
 * Who looks at a Container Cloud page, as the page tells the dashboard app through {@code data-*}
 * attributes: the user, the roles the app understands, the permissions, and the optional pages that
 * exist.
 */
public final class PageViewer {

  private final String user;
  private final Set<DashboardPermission> granted;
  private final List<String> features;

  public PageViewer(String user, Set<DashboardPermission> granted, List<String> features) {
    this.user = user;
    this.granted = Set.copyOf(granted);
    this.features = List.copyOf(features);
  }

  public String getUser() {
    return user;
  }

  /** {@code data-roles}: {@code viewer}, {@code viewer,deployer}. */
  public String getRoles() {
    return String.join(",", DashboardPermission.roles(granted));
  }

  /** {@code data-permissions}: the granted permissions, e.g. {@code view,deploy,rollback}. */
  public String getPermissions() {
    return DashboardPermission.names(granted);
  }

  /** {@code data-features}: the optional pages that exist, e.g. {@code scaling,webhooks}. */
  public String getFeatures() {
    return String.join(",", features);
  }

  /** Whether the optional page {@code name} exists (its side-panel link is shown). */
  public boolean hasFeature(String name) {
    return features.contains(name);
  }
}
