package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.io.IOException;
import java.util.List;
import jenkins.security.MasterToSlaveCallable;

/** {@code containerPush} on the agent: pushes an image its Docker daemon has, and pins it. */
final class AgentPush extends MasterToSlaveCallable<ImageOutput, IOException> {

  private static final long serialVersionUID = 1L;

  private final String image;
  private final RegistryLogins logins;
  private final String dockerHost;
  private final TaskListener listener;

  AgentPush(String image, RegistryLogins logins, String dockerHost, TaskListener listener) {
    this.image = image;
    this.logins = logins;
    this.dockerHost = dockerHost;
    this.listener = listener;
  }

  @Override
  public ImageOutput call() throws IOException {
    AgentWork work = new AgentWork(logins, dockerHost, listener);
    return work.run(
        cloud -> ImageOutput.of(cloud.push(List.of(ImageReference.parse(image)), work.progress())));
  }
}
