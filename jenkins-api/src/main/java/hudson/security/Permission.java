package hudson.security;

/**
 * Compile-only declaration of Jenkins' {@code Permission}; see jenkins-api/README.md.
 *
 * <p>The reference lists no constructor, so the permission constants ({@code Jenkins.ADMINISTER},
 * {@code Item.READ}, ...) are null here.
 */
public final class Permission {

  private Permission() {}
}
