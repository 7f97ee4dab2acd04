package hudson.security;

/** Compile-only declaration of Jenkins' {@code PermissionScope}; see jenkins-api/README.md. */
public final class PermissionScope {

  public static final PermissionScope JENKINS = new PermissionScope();

  public static final PermissionScope ITEM = new PermissionScope();

  private PermissionScope() {}
}
