package hudson.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jvnet.localizer.Localizable;

/**
 * Compile-only declaration of Jenkins' {@code PermissionGroup}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: a group holds the permissions made in it, in order; its id is the given
 * one, or its title in English, as in Jenkins.
 */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {

  private final String id;
  private final Class owner;
  private final List<Permission> permissions = new ArrayList<>();

  public PermissionGroup(Class owner, Localizable title) throws IllegalStateException {
    this(title.toString(java.util.Locale.ENGLISH), owner, title);
  }

  public PermissionGroup(String id, Class owner, Localizable title) throws IllegalStateException {
    this.id = id;
    this.owner = owner;
  }

  public String getId() {
    return id;
  }

  public String getOwnerClassName() {
    return owner.getName();
  }

  public synchronized List<Permission> getPermissions() {
    return List.copyOf(permissions);
  }

  @Override
  public Iterator<Permission> iterator() {
    return getPermissions().iterator();
  }

  @Override
  public int compareTo(PermissionGroup that) {
    return id.compareTo(that.id);
  }

  synchronized void add(Permission permission) {
    permissions.add(permission);
  }
}
