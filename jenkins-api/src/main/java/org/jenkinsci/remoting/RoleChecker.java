package org.jenkinsci.remoting;

/** Compile-only declaration of Jenkins' {@code RoleChecker}; see jenkins-api/README.md. */
public abstract class RoleChecker {

  private RoleChecker() {}
}
