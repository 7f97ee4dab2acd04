package io.jenkins.plugins.containercloud.plugin.pages;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * The permission group "Container Cloud" and its four permissions, made from {@link
 * DashboardPermission}: View (implied by Overall/Read unless {@value
 * DashboardPermission#VIEW_NEEDS_GRANT_PROPERTY} is true), Deploy, Rollback and Scale (implied by
 * Overall/Administer).
 */
public final class ContainerCloudPermissions {

  private static final ResourceBundleHolder TEXTS =
      ResourceBundleHolder.get(ContainerCloudPermissions.class);

  public static final PermissionGroup GROUP =
      new PermissionGroup(ContainerCloudPermissions.class, new Localizable(TEXTS, "group"));

  private static final Map<DashboardPermission, Permission> PERMISSIONS = create();

  public static final Permission VIEW = of(DashboardPermission.VIEW);
  public static final Permission DEPLOY = of(DashboardPermission.DEPLOY);
  public static final Permission ROLLBACK = of(DashboardPermission.ROLLBACK);
  public static final Permission SCALE = of(DashboardPermission.SCALE);

  private ContainerCloudPermissions() {}

  /**
   * Loads this class once the plugins have started, so that the group is in the security matrix
   * before any page of the plugin is opened.
   */
  @Initializer(after = InitMilestone.PLUGINS_STARTED)
  public static void register() {
    // Loading the class has made the group and its permissions; nothing else to do.
  }

  /** The Jenkins permission of {@code permission}. */
  public static Permission of(DashboardPermission permission) {
    return PERMISSIONS.get(permission);
  }

  /** What the current user may do on {@code jenkins}. */
  public static Set<DashboardPermission> granted(AccessControlled jenkins) {
    Set<DashboardPermission> granted = EnumSet.noneOf(DashboardPermission.class);
    for (DashboardPermission permission : DashboardPermission.values()) {
      if (jenkins.hasPermission(of(permission))) {
        granted.add(permission);
      }
    }
    return granted;
  }

  private static Map<DashboardPermission, Permission> create() {
    boolean viewNeedsGrant =
        DashboardPermission.viewNeedsGrant(
            System.getProperty(DashboardPermission.VIEW_NEEDS_GRANT_PROPERTY));
    Map<DashboardPermission, Permission> permissions = new EnumMap<>(DashboardPermission.class);
    for (DashboardPermission permission : DashboardPermission.values()) {
      Permission impliedBy =
          switch (permission.impliedBy(viewNeedsGrant)) {
            case OVERALL_READ -> Jenkins.READ;
            case OVERALL_ADMINISTER -> Jenkins.ADMINISTER;
          };
      permissions.put(
          permission,
          new Permission(
              GROUP,
              permission.title(),
              new Localizable(TEXTS, permission.title()),
              impliedBy,
              PermissionScope.JENKINS));
    }
    return permissions;
  }
}
