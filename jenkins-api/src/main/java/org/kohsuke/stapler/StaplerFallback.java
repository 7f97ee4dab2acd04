package org.kohsuke.stapler;

/** Compile-only declaration of Jenkins' {@code StaplerFallback}; see jenkins-api/README.md. */
public interface StaplerFallback {}
