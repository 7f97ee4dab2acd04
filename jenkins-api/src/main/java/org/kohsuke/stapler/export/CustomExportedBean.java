package org.kohsuke.stapler.export;

/** Compile-only declaration of Jenkins' {@code CustomExportedBean}; see jenkins-api/README.md. */
public interface CustomExportedBean {}
