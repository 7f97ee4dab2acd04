package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.BuildResult;
import io.jenkins.plugins.containercloud.api.ContainerCloud;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code container-cloud push REF}: pushes an image the daemon has and prints it pinned by digest.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description =
        "Pushes an image the Docker daemon has, with retries, and prints it pinned by digest.")
final class PushCommand implements Callable<Integer> {

  @ParentCommand ContainerCloudCommand top;

  @Spec CommandSpec spec;

  @Mixin RegistryOptions registry;

  @Mixin OutputOptions output;

  @Parameters(
      index = "0",
      paramLabel = "REF",
      description = "The tagged image to push, e.g. 127.0.0.1:5000/app:1.")
  String image;

  @Override
  public Integer call() {
    ImageReference reference = ImageReference.parse(image);
    if (reference.digest().isPresent()) {
      throw new IllegalArgumentException(
          "REF: push a tag, not a digest; remove @" + reference.digest().get());
    }
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), output.quiet);
    try (ContainerCloud cloud =
        registry.containerCloud(reference.registry(), top.stdin(), top.environment())) {
      PushedImage pushed = cloud.push(List.of(reference), progress);
      output.print(
          spec.commandLine().getOut(),
          new BuildResult(Optional.empty(), List.of(reference), Optional.of(pushed)));
    }
    return 0;
  }
}
