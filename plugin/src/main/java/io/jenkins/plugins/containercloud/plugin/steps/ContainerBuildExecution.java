package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.FilePath;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.plugin.action.ImageEntry;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code containerBuild}: checks, resolves registry logins, builds on the agent, records. */
final class ContainerBuildExecution extends ContainerCloudExecution<Map<String, Object>> {

  private static final long serialVersionUID = 1L;

  private final transient ContainerBuildStep step;

  ContainerBuildExecution(ContainerBuildStep step, StepContext context, StepHost.Factory hosts) {
    super(context, hosts);
    this.step = step;
  }

  @Override
  Map<String, Object> run(StepHost host, SecretMasker masker) throws Exception {
    BuildSpec spec = BuildArguments.of(step);
    Set<String> hosts = new LinkedHashSet<>();
    spec.references().forEach(r -> hosts.add(ImageReference.parse(r).registry()));
    if (spec.base() != null) {
      hosts.add(ImageReference.parse(spec.base()).registry());
    }
    RegistryLogins logins =
        RegistryLogins.resolve(
            hosts,
            ImageReference.parse(spec.image()).registry(),
            step.getRegistryCredentialsId(),
            host.configuration(),
            masker.recording(host.credentials()),
            masker.recording(host.systemCredentials()));
    FilePath workspace = StepWorkspace.require(host, "containerBuild");
    host.listener()
        .getLogger()
        .println(
            "Building "
                + spec.image()
                + (spec.daemonless() ? " without a Docker daemon" : " through the Docker daemon")
                + " on "
                + (workspace.isRemote() ? "the agent" : "the controller"));
    ImageOutput output =
        workspace.act(
            new AgentBuild(spec, logins, host.environment().get("DOCKER_HOST"), host.listener()));
    host.action()
        .add(
            new ImageEntry(
                "build", output.reference(), output.digest(), output.tags(), spec.daemonless()));
    return output.toMap();
  }
}
