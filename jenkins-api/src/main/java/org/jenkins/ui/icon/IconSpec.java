package org.jenkins.ui.icon;

/** Compile-only declaration of Jenkins' {@code IconSpec}; see jenkins-api/README.md. */
public interface IconSpec {}
