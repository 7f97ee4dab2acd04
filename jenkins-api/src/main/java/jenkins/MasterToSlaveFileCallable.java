package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Compile-only declaration of Jenkins' {@code MasterToSlaveFileCallable}; see
 * jenkins-api/README.md.
 */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {

  public MasterToSlaveFileCallable() {}
}
