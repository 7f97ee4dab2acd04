package jenkins.model;

import hudson.model.ModelObject;

/**
 * Compile-only declaration of Jenkins' {@code FullyNamedModelObject}; see jenkins-api/README.md.
 */
public interface FullyNamedModelObject extends ModelObject {}
