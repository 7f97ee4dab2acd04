package io.jenkins.plugins.containercloud.standalone;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;

/** The top-level {@code container-cloud} command; its subcommands do the work. */
@Command(
    name = "container-cloud",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "From code to a running Kubernetes workload: build, push, deploy, roll back.",
    subcommands = {
      BuildCommand.class,
      PushCommand.class,
      DeployCommand.class,
      RollbackCommand.class,
      StatusCommand.class,
      HistoryCommand.class,
      ServeCommand.class,
      ScaleCommand.class,
      WebhookCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the operation failed (build, push, rollout failed or rolled back, registry refused)",
      "2:bad usage or input; nothing was changed"
    })
final class ContainerCloudCommand implements Runnable {

  private final InputStream stdin;
  private final Map<String, String> environment;

  ContainerCloudCommand(InputStream stdin, Map<String, String> environment) {
    this.stdin = stdin;
    this.environment = environment;
  }

  InputStream stdin() {
    return stdin;
  }

  Map<String, String> environment() {
    return environment;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this),
        "name a command: build, push, deploy, rollback, status, history, serve or scale (see --help)");
  }
}
