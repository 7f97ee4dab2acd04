package org.jenkinsci.remoting;

/** Compile-only declaration of Jenkins' {@code RoleSensitive}; see jenkins-api/README.md. */
public interface RoleSensitive {

  void checkRoles(RoleChecker checker) throws SecurityException;
}
