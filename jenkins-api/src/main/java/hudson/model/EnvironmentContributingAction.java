package hudson.model;

/**
 * Compile-only declaration of Jenkins' {@code EnvironmentContributingAction}; see
 * jenkins-api/README.md.
 */
public interface EnvironmentContributingAction extends Action {}
