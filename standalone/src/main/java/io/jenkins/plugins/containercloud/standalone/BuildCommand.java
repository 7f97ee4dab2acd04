package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.BuildResult;
import io.jenkins.plugins.containercloud.api.ContainerCloud;
import io.jenkins.plugins.containercloud.image.DaemonlessBuildRequest;
import io.jenkins.plugins.containercloud.image.DockerBuildRequest;
import io.jenkins.plugins.containercloud.image.LayerSpec;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code container-cloud build}: builds an image through the daemon or daemonless, and pushes it.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds an image from a Dockerfile through the Docker daemon, or without a daemon (--daemonless).",
      "Prints progress on stderr, then the image pinned by digest (or its id, if not pushed) on stdout."
    })
final class BuildCommand implements Callable<Integer> {

  @ParentCommand ContainerCloudCommand top;

  @Spec CommandSpec spec;

  @Mixin RegistryOptions registry;

  @Mixin OutputOptions output;

  @Option(
      names = "--context",
      required = true,
      paramLabel = "DIR",
      description = "The build context directory.")
  Path context;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "PATH",
      description = "The Dockerfile, relative to the context (default: Dockerfile).")
  Path dockerfile;

  @Option(
      names = "--image",
      required = true,
      paramLabel = "REF",
      description = "The image reference, e.g. 127.0.0.1:5000/app:1.")
  String image;

  @Option(
      names = "--tag",
      paramLabel = "TAG",
      description = "Another tag of the same repository (or a full reference); repeatable.")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--build-arg",
      paramLabel = "KEY=VALUE",
      description = "A build argument; repeatable.")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(
      names = "--target",
      paramLabel = "STAGE",
      description = "The stage to build in a multi-stage Dockerfile.")
  String target;

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label to add; repeatable.")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(names = "--no-cache", description = "Do not use the build cache.")
  boolean noCache;

  @Option(names = "--pull", description = "Always check the registry for newer base images.")
  boolean pull;

  @Option(names = "--push", description = "Push every tag and print the image pinned by digest.")
  boolean push;

  @Option(
      names = "--daemonless",
      description = "Build with Jib, without a Docker daemon; always pushes.")
  boolean daemonless;

  @Option(names = "--base", paramLabel = "REF", description = "Daemonless: the base image.")
  String base;

  @Option(
      names = "--layer",
      paramLabel = "SRC:DEST[:MODE]",
      description =
          "Daemonless: a file or folder (relative to the context) and where it goes; repeatable.")
  List<String> layers = new ArrayList<>();

  @Option(
      names = "--entrypoint",
      paramLabel = "ARG",
      description = "Daemonless: one element of the entrypoint; repeatable.")
  List<String> entrypoint = new ArrayList<>();

  @Option(
      names = "--cmd",
      paramLabel = "ARG",
      description = "Daemonless: one element of the default command; repeatable.")
  List<String> cmd = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "KEY=VALUE",
      description = "Daemonless: an environment variable; repeatable.")
  Map<String, String> environment = new LinkedHashMap<>();

  @Option(
      names = "--expose",
      paramLabel = "PORT[/udp]",
      description = "Daemonless: an exposed port; repeatable.")
  List<String> exposedPorts = new ArrayList<>();

  @Option(names = "--user", description = "Daemonless: the user to run as.")
  String user;

  @Option(
      names = "--workdir",
      paramLabel = "PATH",
      description = "Daemonless: the working directory.")
  String workingDirectory;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Daemonless: Jib's layer cache (default: $XDG_CACHE_HOME/container-cloud/jib).")
  Path cacheDirectory;

  @Override
  public Integer call() {
    List<ImageReference> references = references();
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), output.quiet);
    try (ContainerCloud cloud =
        registry.containerCloud(references.get(0).registry(), top.stdin(), top.environment())) {
      BuildResult result =
          daemonless
              ? cloud.buildDaemonless(daemonlessRequest(references), progress)
              : cloud.build(dockerRequest(references), push, progress);
      output.print(spec.commandLine().getOut(), result);
    }
    return 0;
  }

  private List<ImageReference> references() {
    ImageReference main = ImageReference.parse(image);
    List<ImageReference> all = new ArrayList<>(List.of(main));
    for (String tag : tags) {
      all.add(tag.contains("/") ? ImageReference.parse(tag) : main.withTag(tag));
    }
    return all;
  }

  private DockerBuildRequest dockerRequest(List<ImageReference> references) {
    if (base != null || !layers.isEmpty()) {
      throw new IllegalArgumentException("--base and --layer need --daemonless");
    }
    return new DockerBuildRequest(
        context,
        dockerfile,
        references,
        buildArgs,
        target,
        labels,
        noCache,
        pull ? DockerBuildRequest.PullPolicy.ALWAYS : DockerBuildRequest.PullPolicy.MISSING);
  }

  private DaemonlessBuildRequest daemonlessRequest(List<ImageReference> references) {
    if (base == null) {
      throw new IllegalArgumentException(
          "--base: a daemonless build needs the base image, e.g. --base 127.0.0.1:5000/testbed/busybox");
    }
    if (dockerfile != null || target != null || !buildArgs.isEmpty()) {
      throw new IllegalArgumentException(
          "--file, --target and --build-arg apply to daemon builds; remove them or --daemonless");
    }
    Path baseDirectory = context.toAbsolutePath().normalize();
    List<LayerSpec> layerSpecs =
        layers.stream().map(text -> LayerSpec.parse(text, baseDirectory)).toList();
    return new DaemonlessBuildRequest(
        ImageReference.parse(base),
        references,
        layerSpecs,
        entrypoint,
        cmd,
        environment,
        exposedPorts,
        labels,
        user,
        workingDirectory,
        cacheDirectory != null ? cacheDirectory : DaemonlessBuildRequest.defaultCacheDirectory(),
        registry.allowInsecure);
  }
}
