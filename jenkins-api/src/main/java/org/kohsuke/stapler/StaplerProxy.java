package org.kohsuke.stapler;

/** Compile-only declaration of Jenkins' {@code StaplerProxy}; see jenkins-api/README.md. */
public interface StaplerProxy {}
