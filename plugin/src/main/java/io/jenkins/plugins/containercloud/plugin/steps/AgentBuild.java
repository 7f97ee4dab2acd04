package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.containercloud.api.BuildResult;
import io.jenkins.plugins.containercloud.image.DaemonlessBuildRequest;
import io.jenkins.plugins.containercloud.image.DockerBuildRequest;
import io.jenkins.plugins.containercloud.image.LayerSpec;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * {@code containerBuild} on the agent: builds in the workspace through the agent's Docker daemon
 * ({@code DOCKER_HOST} of the step's environment) or daemonless, pushes, and streams progress to
 * the build log. Its context, Dockerfile and layers must be inside the workspace.
 */
final class AgentBuild extends MasterToSlaveFileCallable<ImageOutput> {

  private static final long serialVersionUID = 1L;

  private final BuildSpec spec;
  private final RegistryLogins logins;
  private final String dockerHost;
  private final TaskListener listener;

  AgentBuild(BuildSpec spec, RegistryLogins logins, String dockerHost, TaskListener listener) {
    this.spec = spec;
    this.logins = logins;
    this.dockerHost = dockerHost;
    this.listener = listener;
  }

  @Override
  public ImageOutput invoke(File workspace, VirtualChannel channel)
      throws IOException, InterruptedException {
    AgentWork work = new AgentWork(logins, dockerHost, listener);
    WorkspacePaths paths = new WorkspacePaths(workspace);
    Path context = paths.resolve("context", spec.context());
    Path dockerfile =
        spec.dockerfile() == null ? null : paths.resolve("dockerfile", context, spec.dockerfile());
    for (String layer : spec.layers()) {
      paths.resolve("layers", context, layer.split(":", -1)[0]);
    }
    List<ImageReference> references =
        spec.references().stream().map(ImageReference::parse).toList();
    return work.run(
        cloud -> {
          BuildResult result =
              spec.daemonless()
                  ? cloud.buildDaemonless(daemonless(context, references), work.progress())
                  : cloud.build(
                      docker(context, dockerfile, references), spec.push(), work.progress());
          return ImageOutput.of(result);
        });
  }

  private DockerBuildRequest docker(
      Path context, Path dockerfile, List<ImageReference> references) {
    return new DockerBuildRequest(
        context,
        dockerfile,
        references,
        spec.buildArgs(),
        spec.target(),
        spec.labels(),
        spec.noCache(),
        DockerBuildRequest.PullPolicy.MISSING);
  }

  private DaemonlessBuildRequest daemonless(Path context, List<ImageReference> references) {
    List<LayerSpec> layers =
        spec.layers().stream().map(text -> LayerSpec.parse(text, context)).toList();
    return new DaemonlessBuildRequest(
        ImageReference.parse(spec.base()),
        references,
        layers,
        List.of(),
        List.of(),
        java.util.Map.of(),
        List.of(),
        spec.labels(),
        null,
        null,
        DaemonlessBuildRequest.defaultCacheDirectory(),
        logins.allowInsecure());
  }
}
