package hudson.security;

import org.jvnet.localizer.Localizable;

/**
 * Compile-only declaration of Jenkins' {@code Permission}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: a permission keeps its group, name and the permission that implies it,
 * and joins its group, as in Jenkins; nothing is registered anywhere else.
 */
public final class Permission {

  public final PermissionGroup group;

  public final String name;

  public final Permission impliedBy;

  public Permission(
      PermissionGroup group,
      String name,
      Localizable description,
      Permission impliedBy,
      boolean enable,
      PermissionScope[] scopes)
      throws IllegalStateException {
    this.group = group;
    this.name = name;
    this.impliedBy = impliedBy;
    group.add(this);
  }

  public Permission(
      PermissionGroup group,
      String name,
      Localizable description,
      Permission impliedBy,
      PermissionScope scope) {
    this(group, name, description, impliedBy, true, new PermissionScope[] {scope});
  }
}
