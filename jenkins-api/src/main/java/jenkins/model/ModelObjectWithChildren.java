package jenkins.model;

import hudson.model.ModelObject;

/**
 * Compile-only declaration of Jenkins' {@code ModelObjectWithChildren}; see jenkins-api/README.md.
 */
public interface ModelObjectWithChildren extends ModelObject {}
