package org.kohsuke.stapler;

/** Compile-only declaration of Jenkins' {@code StaplerOverridable}; see jenkins-api/README.md. */
public interface StaplerOverridable {}
