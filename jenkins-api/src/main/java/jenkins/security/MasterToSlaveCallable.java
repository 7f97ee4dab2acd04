package jenkins.security;

import jenkins.agents.ControllerToAgentCallable;

/**
 * Compile-only declaration of Jenkins' {@code MasterToSlaveCallable}; see jenkins-api/README.md.
 */
public abstract class MasterToSlaveCallable<V, T extends Throwable>
    implements ControllerToAgentCallable<V, T> {

  public MasterToSlaveCallable() {}
}
