package jenkins.agents;

import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;

/**
 * Compile-only declaration of Jenkins' {@code ControllerToAgentCallable}; see
 * jenkins-api/README.md.
 */
public interface ControllerToAgentCallable<V, T extends Throwable> extends Callable<V, T> {

  @Override
  default void checkRoles(RoleChecker checker) throws SecurityException {
    throw new UnsupportedOperationException(
        "ControllerToAgentCallable.checkRoles runs only inside Jenkins");
  }
}
