package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.plugin.action.ImageEntry;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code containerPush}: checks, resolves the registry login, pushes on the agent, records.
 */
final class ContainerPushExecution extends ContainerCloudExecution<String> {

  private static final long serialVersionUID = 1L;

  private final transient ContainerPushStep step;

  ContainerPushExecution(ContainerPushStep step, StepContext context, StepHost.Factory hosts) {
    super(context, hosts);
    this.step = step;
  }

  @Override
  String run(StepHost host, SecretMasker masker) throws Exception {
    ImageReference image = BuildArguments.tagReference("image", step.getImage());
    RegistryLogins logins =
        RegistryLogins.resolve(
            List.of(image.registry()),
            image.registry(),
            step.getRegistryCredentialsId(),
            host.configuration(),
            masker.recording(host.credentials()),
            masker.recording(host.systemCredentials()));
    ImageOutput output =
        StepWorkspace.require(host, "containerPush")
            .act(
                new AgentPush(
                    image.toString(),
                    logins,
                    host.environment().get("DOCKER_HOST"),
                    host.listener()));
    host.action()
        .add(new ImageEntry("push", output.reference(), output.digest(), output.tags(), false));
    return output.reference();
  }
}
