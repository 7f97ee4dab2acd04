package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.ApplyReport;
import io.jenkins.plugins.containercloud.api.DeploymentReport;
import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.RolloutRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code container-cloud deploy}: roll an image out, or apply manifests, and wait for the result.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Rolls an image out to a ReplicationController (rolling update) or a Deployment (rollout),"
          + " or applies manifests; waits until every replica runs it, rolls back on failure, and"
          + " records the rollout in the history.",
      "Exit code 0: succeeded; 1: failed (and rolled back); 2: bad input, nothing changed."
    })
final class DeployCommand implements Callable<Integer> {

  @ParentCommand ContainerCloudCommand top;
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;
  @Mixin RolloutOptions rollout;
  @Mixin HistoryOptions history;
  @Mixin OutputOptions output;

  /** Exactly one kind of target. */
  static final class Target {
    @ArgGroup(exclusive = false, multiplicity = "1")
    WorkloadOptions workload;

    @Option(
        names = "--manifests",
        paramLabel = "FILE",
        arity = "1..*",
        parameterConsumer = FilesUntilNextOption.class,
        description = "YAML manifests to apply (server-side apply).")
    List<Path> manifests;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /**
   * Takes file names up to the next option, so that options may follow {@code --manifests a.yaml
   * b.yaml} (the command line otherwise lets option values look like options).
   */
  static final class FilesUntilNextOption implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      List<Path> files = new ArrayList<>();
      while (!args.isEmpty() && !args.peek().startsWith("-")) {
        files.add(Path.of(args.pop()));
      }
      if (files.isEmpty()) {
        throw new ParameterException(
            commandSpec.commandLine(), "--manifests needs at least one FILE");
      }
      List<Path> previous = argSpec.getValue();
      if (previous != null) {
        files.addAll(0, previous);
      }
      argSpec.setValue(files);
    }
  }

  @Option(names = "--container", paramLabel = "NAME", description = "The container to update.")
  String container;

  @Option(
      names = "--image",
      paramLabel = "REF",
      description = "The image, preferably pinned by digest (required with --rc/--deployment).")
  String image;

  @Override
  public Integer call() {
    RolloutParameters parameters = rollout.parameters();
    Optional<ImageReference> reference = Optional.ofNullable(image).map(ImageReference::parse);
    if (target.manifests == null && reference.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--image is required with --rc or --deployment");
    }
    if (target.workload != null
        && (target.workload.replicationController == null)
            == (target.workload.deployment == null)) {
      throw new ParameterException(
          spec.commandLine(), "give one of --rc NAME, --deployment NAME or --manifests FILE...");
    }
    Map<String, String> manifests = readManifests();
    RolloutPrinter printer = new RolloutPrinter(spec.commandLine().getErr(), output.quiet);
    reference
        .filter(r -> r.digest().isEmpty())
        .ifPresent(
            r ->
                spec.commandLine()
                    .getErr()
                    .println(
                        "warning: "
                            + r
                            + " is not pinned by digest; the registry may serve"
                            + " another image under this tag later"));
    Trigger trigger = Trigger.cli(user());
    // Closed last: the history is flushed before a signal lets the JVM exit.
    try (AbortOnSignal abort = new AbortOnSignal(parameters.progressTimeout().plusMinutes(1));
        Deployments deployments = history.open(top.environment());
        Cluster connected = Cluster.connect(cluster.config(top.environment()))) {
      String namespace = connected.defaultNamespace();
      if (target.manifests != null) {
        ApplyReport report =
            deployments.apply(
                connected,
                namespace,
                String.join(",", manifests.keySet()),
                manifests,
                reference,
                parameters,
                trigger,
                printer);
        output.printApply(spec.commandLine().getOut(), report);
        return report.result().succeeded() ? 0 : Main.FAILURE;
      }
      RolloutRequest request =
          new RolloutRequest(
              target.workload.target(namespace, container),
              reference.orElseThrow(),
              parameters,
              "container-cloud deploy of "
                  + reference.orElseThrow()
                  + " by "
                  + user()
                  + " (command line)");
      DeploymentReport report = deployments.deploy(connected, request, trigger, printer);
      output.printRollout(spec.commandLine().getOut(), report);
      return report.result().succeeded() ? 0 : Main.FAILURE;
    }
  }

  private Map<String, String> readManifests() {
    Map<String, String> manifests = new LinkedHashMap<>();
    if (target.manifests == null) {
      return manifests;
    }
    for (Path file : target.manifests) {
      try {
        manifests.put(file.getFileName().toString(), Files.readString(file));
      } catch (IOException e) {
        throw new IllegalArgumentException("--manifests: cannot read " + file + " (" + e + ")");
      }
    }
    return manifests;
  }

  private String user() {
    return top.environment().getOrDefault("USER", System.getProperty("user.name", "unknown"));
  }
}
