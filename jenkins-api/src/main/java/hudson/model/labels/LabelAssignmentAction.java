package hudson.model.labels;

import hudson.model.Action;

/**
 * Compile-only declaration of Jenkins' {@code LabelAssignmentAction}; see jenkins-api/README.md.
 */
public interface LabelAssignmentAction extends Action {}
