package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.containercloud.api.ContainerCloud;
import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import java.io.PrintStream;

/**
 * The engine on an agent for one step: configured with the step's registry logins and daemon,
 * progress to the build log and failures as {@link StepFailedException}, both with secrets masked.
 */
final class AgentWork {

  private final RegistryLogins logins;
  private final String dockerHost;
  private final SecretMasker masker;
  private final PrintStream log;

  AgentWork(RegistryLogins logins, String dockerHost, TaskListener listener) {
    this.logins = logins;
    this.dockerHost = dockerHost;
    this.masker = logins.masker();
    this.log = listener.getLogger();
  }

  ProgressListener progress() {
    return line -> log.println(masker.mask(line));
  }

  <T> T run(Task<T> task) throws StepFailedException {
    try (ContainerCloud cloud =
        ContainerCloud.builder()
            .dockerHost(dockerHost)
            .credentials(logins.source())
            .allowInsecure(logins.allowInsecure())
            .build()) {
      return task.run(cloud);
    } catch (RuntimeException e) {
      throw new StepFailedException(masker.mask(StepFailures.describe(e)));
    }
  }

  /** What a task on the agent does with the engine. */
  @FunctionalInterface
  interface Task<T> {
    T run(ContainerCloud cloud);
  }
}
