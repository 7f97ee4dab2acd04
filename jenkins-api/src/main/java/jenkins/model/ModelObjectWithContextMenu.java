package jenkins.model;

import hudson.model.ModelObject;

/**
 * Compile-only declaration of Jenkins' {@code ModelObjectWithContextMenu}; see
 * jenkins-api/README.md.
 */
public interface ModelObjectWithContextMenu extends ModelObject {}
