package hudson.model;

import hudson.ExtensionPoint;

/** Compile-only declaration of Jenkins' {@code RootAction}; see jenkins-api/README.md. */
public interface RootAction extends Action, ExtensionPoint {}
