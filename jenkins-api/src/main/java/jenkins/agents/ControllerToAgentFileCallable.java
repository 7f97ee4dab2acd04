package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

/**
 * Compile-only declaration of Jenkins' {@code ControllerToAgentFileCallable}; see
 * jenkins-api/README.md.
 */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {

  @Override
  default void checkRoles(RoleChecker checker) throws SecurityException {
    throw new UnsupportedOperationException(
        "ControllerToAgentFileCallable.checkRoles runs only inside Jenkins");
  }
}
