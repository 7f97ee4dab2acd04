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
  private final boolean administer;

  public PageViewer(String user, Set<DashboardPermission> granted, List<String> features) {
    this(user, granted, features, false);
  }

  /**
   * @param administer whether the user may administer Jenkins (the app's {@code admin} role, which
   *     shows Redeliver on the Webhooks page)
   */
  public PageViewer(
      String user, Set<DashboardPermission> granted, List<String> features, boolean administer) {
    this.user = user;
    this.granted = Set.copyOf(granted);
    this.features = List.copyOf(features);
    this.administer = administer;
  }

  public String getUser() {
    return user;
  }

  /** {@code data-roles}: {@code viewer}, {@code viewer,deployer}, plus {@code admin}. */
  public String getRoles() {
    String roles = String.join(",", DashboardPermission.roles(granted));
    return administer ? (roles.isEmpty() ? "admin" : roles + ",admin") : roles;
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
