package hudson.model;

import hudson.ExtensionPoint;

/**
 * Compile-only declaration of Jenkins' {@code UnprotectedRootAction}; see jenkins-api/README.md.
 */
public interface UnprotectedRootAction extends RootAction, ExtensionPoint {}
