package io.jenkins.plugins.containercloud.plugin.pages;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a Jenkins user may do on the Container Cloud pages, without Jenkins' types: the four
 * permissions of the group, what implies each, and what the dashboard app is told about them.
 * {@link ContainerCloudPermissions} makes Jenkins permissions of these.
 */
public enum DashboardPermission {
  /** See the pages and read every JSON answer. */
  VIEW("View"),
  /** Start and abort rollouts from the dashboard. */
  DEPLOY("Deploy"),
  /** Roll a recorded deployment back from the history. */
  ROLLBACK("Rollback"),
  /** Scale node pools (the autoscaler's pages and steps). */
  SCALE("Scale");

  /**
   * The system property an administrator sets to {@code true} so that Overall/Read no longer
   * implies View: then only those granted View (or Overall/Administer) see the pages.
   */
  public static final String VIEW_NEEDS_GRANT_PROPERTY =
      DashboardPermission.class.getName() + ".viewNeedsGrant";

  /** The Jenkins permission that implies one of these. */
  public enum Implier {
    OVERALL_READ,
    OVERALL_ADMINISTER
  }

  private final String title;

  DashboardPermission(String title) {
    this.title = title;
  }

  /**
   * The permission's name in the group (what the security matrix shows); its description is in
   * {@code ContainerCloudPermissions.properties} under the same key.
   */
  public String title() {
    return title;
  }

  /**
   * What implies this permission: Overall/Administer implies all four; View is implied by
   * Overall/Read too, unless {@code viewNeedsGrant}.
   */
  public Implier impliedBy(boolean viewNeedsGrant) {
    return this == VIEW && !viewNeedsGrant ? Implier.OVERALL_READ : Implier.OVERALL_ADMINISTER;
  }

  /**
   * Whether the administrator asked for View to be granted explicitly ({@value
   * #VIEW_NEEDS_GRANT_PROPERTY}).
   */
  public static boolean viewNeedsGrant(String propertyValue) {
    return propertyValue != null && Boolean.parseBoolean(propertyValue.trim());
  }

  /**
   * The roles the dashboard app understands ({@code data-roles}): {@code viewer}, and {@code
   * deployer} for those who may deploy (the app then offers to start, abort and roll back; the
   * answers still check Rollback on their own).
   */
  public static List<String> roles(Collection<DashboardPermission> granted) {
    Set<String> roles = new LinkedHashSet<>();
    if (granted.contains(VIEW)) {
      roles.add("viewer");
    }
    if (granted.contains(DEPLOY)) {
      roles.add("deployer");
    }
    return List.copyOf(roles);
  }

  /**
   * The granted permissions as the page passes them ({@code data-permissions}): {@code
   * view,deploy}.
   */
  public static String names(Collection<DashboardPermission> granted) {
    return String.join(
        ",", granted.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
  }
}
