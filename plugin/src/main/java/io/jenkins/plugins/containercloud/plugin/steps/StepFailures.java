package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.cluster.ClusterException;
import io.jenkins.plugins.containercloud.history.HistoryException;
import io.jenkins.plugins.containercloud.image.DockerDaemonException;
import io.jenkins.plugins.containercloud.image.ImageBuildException;
import io.jenkins.plugins.containercloud.registry.RegistryException;
import java.io.UncheckedIOException;

/** What a step says about an exception from the engine or a library, before masking. */
final class StepFailures {

  private StepFailures() {}

  /**
   * The message alone for the failures the engine and the argument checks describe for users; the
   * type and message for anything else, which is unexpected and needs its type to be understood.
   */
  static String describe(RuntimeException e) {
    boolean described =
        e instanceof IllegalArgumentException
            || e instanceof ClusterException
            || e instanceof RegistryException
            || e instanceof ImageBuildException
            || e instanceof DockerDaemonException
            || e instanceof HistoryException
            || e instanceof UncheckedIOException;
    if (described && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
