package org.kohsuke.stapler;

/** Compile-only declaration of Jenkins' {@code HttpDeletable}; see jenkins-api/README.md. */
public interface HttpDeletable {}
