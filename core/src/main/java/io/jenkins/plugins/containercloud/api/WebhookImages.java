package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.image.DaemonlessBuildRequest;
import io.jenkins.plugins.containercloud.image.DockerBuildRequest;
import io.jenkins.plugins.containercloud.image.LayerSpec;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.webhook.BuildSpec;
import io.jenkins.plugins.containercloud.webhook.CodeImages;
import io.jenkins.plugins.containercloud.webhook.StepFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Code-push builds through the engine the {@code build} command uses: a Dockerfile through the
 * Docker daemon, then a push; or daemonless with Jib (the context as one layer at {@code /app}),
 * which pushes as it builds.
 */
public final class WebhookImages implements CodeImages {

  private final ContainerCloud cloud;
  private final Path jibCache;

  /**
   * @param cloud the daemon and the registry credentials to build and push with
   * @param jibCache Jib's layer cache for daemonless builds
   */
  public WebhookImages(ContainerCloud cloud, Path jibCache) {
    this.cloud = cloud;
    this.jibCache = jibCache;
  }

  @Override
  public Optional<String> build(BuildSpec spec, Path context, String image, ProgressListener log)
      throws StepFailure {
    ImageReference target = ImageReference.parse(image);
    if (spec.daemonless()) {
      DaemonlessBuildRequest request =
          new DaemonlessBuildRequest(
              ImageReference.parse(spec.base()),
              List.of(target),
              List.of(new LayerSpec(context, "/app", null)),
              List.of(),
              spec.cmd(),
              Map.of(),
              List.of(),
              Map.of(),
              null,
              "/app",
              jibCache,
              false);
      PushedImage pushed = cloud.buildDaemonless(request, log).pushed().orElseThrow();
      return Optional.of(pushed.pinned().toString());
    }
    Path dockerfile = Path.of(spec.dockerfile());
    if (!context.resolve(dockerfile).normalize().toFile().isFile()) {
      throw new StepFailure(
          "the commit has no "
              + spec.dockerfile()
              + " in "
              + spec.context()
              + " (build.dockerfile)");
    }
    cloud.build(
        new DockerBuildRequest(
            context,
            dockerfile,
            List.of(target),
            Map.of(),
            null,
            Map.of(),
            false,
            DockerBuildRequest.PullPolicy.MISSING),
        false,
        log);
    return Optional.empty();
  }

  @Override
  public String push(BuildSpec spec, String image, Optional<String> built, ProgressListener log) {
    if (built.isPresent()) {
      log.progress("pushed by the daemonless build: " + built.get());
      return built.get(); // Jib pushed and confirmed the manifest as it built
    }
    return cloud.push(List.of(ImageReference.parse(image)), log).pinned().toString();
  }
}
