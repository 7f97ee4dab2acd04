package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.Permission;
import jenkins.model.Jenkins;

/** Compile-only declaration of Jenkins' {@code ManagementLink}; see jenkins-api/README.md. */
public abstract class ManagementLink implements ExtensionPoint, Action {

  public ManagementLink() {}

  @Override
  public abstract String getIconFileName();

  @Override
  public abstract String getUrlName();

  public String getDescription() {
    return "";
  }

  public Permission getRequiredPermission() {
    return Jenkins.ADMINISTER;
  }

  public Category getCategory() {
    return Category.UNCATEGORIZED;
  }

  /**
   * Compile-only declaration of Jenkins' {@code ManagementLink.Category}; see
   * jenkins-api/README.md.
   */
  public enum Category {
    CONFIGURATION,
    PLUGINS,
    SECURITY,
    STATUS,
    TROUBLESHOOTING,
    TOOLS,
    MISC,
    UNCATEGORIZED;
  }
}
