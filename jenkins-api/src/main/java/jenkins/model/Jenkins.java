package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.model.DescriptorByNameOwner;
import hudson.model.Item;
import hudson.model.ModifiableViewGroup;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.access.AccessDeniedException;

/**
 * Compile-only declaration of Jenkins' {@code Jenkins}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: there is never an instance, so {@link #getInstanceOrNull()} answers null
 * and {@link #get()} throws what Jenkins throws when it is not running.
 */
public class Jenkins extends AbstractCIBase
    implements DirectlyModifiableTopLevelItemGroup,
        StaplerProxy,
        StaplerFallback,
        ModifiableViewGroup,
        AccessControlled,
        DescriptorByNameOwner,
        ModelObjectWithContextMenu,
        ModelObjectWithChildren,
        OnMaster,
        Loadable {

  /** The group of the two permissions below; Jenkins' own is {@code Jenkins.PERMISSIONS}. */
  private static final PermissionGroup OVERALL =
      new PermissionGroup("Overall", Jenkins.class, null);

  /** Overall/Administer: in Jenkins it implies every other permission. */
  public static final Permission ADMINISTER =
      new Permission(OVERALL, "Administer", null, null, PermissionScope.JENKINS);

  /** Overall/Read, implied by Overall/Administer (in Jenkins through the generic read). */
  public static final Permission READ =
      new Permission(OVERALL, "Read", null, ADMINISTER, PermissionScope.JENKINS);

  private Jenkins() {}

  public static Jenkins get() throws IllegalStateException {
    throw new IllegalStateException(
        "Jenkins.instance is missing. Read the documentation of Jenkins.getInstanceOrNull to see"
            + " what you are doing wrong.");
  }

  public static Jenkins getInstanceOrNull() {
    return null;
  }

  public <T extends Item> T getItemByFullName(String fullName, Class<T> type)
      throws AccessDeniedException {
    throw new UnsupportedOperationException("Jenkins.getItemByFullName runs only inside Jenkins");
  }

  public String getRootUrl() throws IllegalStateException {
    throw new UnsupportedOperationException("Jenkins.getRootUrl runs only inside Jenkins");
  }

  public static org.springframework.security.core.Authentication getAuthentication2() {
    throw new UnsupportedOperationException("Jenkins.getAuthentication2 runs only inside Jenkins");
  }

  public java.io.File getRootDir() {
    throw new UnsupportedOperationException("Jenkins.getRootDir runs only inside Jenkins");
  }

  // getACL and getDisplayName are required of a concrete class; Jenkins declares them too.
  @Override
  public ACL getACL() {
    throw new UnsupportedOperationException("Jenkins.getACL runs only inside Jenkins");
  }

  @Override
  public String getDisplayName() {
    throw new UnsupportedOperationException("Jenkins.getDisplayName runs only inside Jenkins");
  }
}
