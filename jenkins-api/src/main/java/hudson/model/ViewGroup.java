package hudson.model;

import hudson.security.AccessControlled;

/** Compile-only declaration of Jenkins' {@code ViewGroup}; see jenkins-api/README.md. */
public interface ViewGroup extends Saveable, ModelObject, AccessControlled {}
