package hudson.security;

import org.springframework.security.access.AccessDeniedException;

/** Compile-only declaration of Jenkins' {@code AccessControlled}; see jenkins-api/README.md. */
public interface AccessControlled {

  ACL getACL();

  default void checkPermission(Permission permission) throws AccessDeniedException {
    throw new UnsupportedOperationException(
        "AccessControlled.checkPermission runs only inside Jenkins");
  }

  default boolean hasPermission(Permission permission) {
    throw new UnsupportedOperationException(
        "AccessControlled.hasPermission runs only inside Jenkins");
  }
}
