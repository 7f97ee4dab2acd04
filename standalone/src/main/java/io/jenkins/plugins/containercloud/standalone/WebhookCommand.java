package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import io.jenkins.plugins.containercloud.webhook.WebhookHeaders;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code container-cloud webhook}: tools for setting up and debugging hooks. */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    description = "Tools for webhooks (see docs/webhooks.md).",
    subcommands = {WebhookCommand.Test.class})
final class WebhookCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a command: test (see --help)");
  }

  /** {@code webhook test}: verifies and parses a delivery offline, and prints the answer. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Verifies and parses a delivery as the server would, without storing or deploying"
            + " anything, and prints the server's answer with the pushes it read.",
        "Exit 0: accepted or deliberately ignored; 1: refused (verification failed, malformed,"
            + " too large); 2: bad usage."
      })
  static final class Test implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--source",
        required = true,
        paramLabel = "SOURCE",
        description = "github, gitlab, dockerhub, harbor or registry.")
    String source;

    @Option(
        names = "--secret-file",
        required = true,
        paramLabel = "FILE",
        description =
            "The hook's secret: GitHub's secret, GitLab's token (or whsec_ signing token), Docker"
                + " Hub's URL secret, or the whole Authorization value Harbor or the registry"
                + " sends.")
    Path secretFile;

    @Option(
        names = "--header-file",
        paramLabel = "FILE",
        description =
            "The delivery's headers as 'Name: value' lines, as the sender's delivery log shows.")
    Path headerFile;

    @Parameters(paramLabel = "PAYLOAD", description = "The delivery's body, byte for byte.")
    Path payload;

    @Override
    public Integer call() {
      WebhookSource parsed;
      try {
        parsed = WebhookSource.parse(source);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--source: " + e.getMessage());
      }
      String secret = read(secretFile, "--secret-file").strip();
      boolean signing = parsed == WebhookSource.GITLAB && secret.startsWith("whsec_");
      HookSettings hook =
          HookSettings.of(
              "test", parsed, signing ? null : secret, signing ? secret : null, List.of());
      WebhookHeaders headers =
          headerFile == null
              ? WebhookHeaders.parse("")
              : WebhookHeaders.parse(read(headerFile, "--header-file"));
      byte[] body;
      try {
        body = Files.readAllBytes(payload);
      } catch (IOException e) {
        throw new IllegalArgumentException("PAYLOAD: cannot read " + payload + " (" + e + ")");
      }
      WebhookAnswer answer =
          WebhookIntake.dryRun(
              hook,
              headers,
              body,
              parsed == WebhookSource.DOCKERHUB ? secret : null,
              Clock.systemUTC());
      PrintWriter out = spec.commandLine().getOut();
      out.println(answer.status() + " " + answer.outcome());
      out.println(answer.body().toPrettyString());
      return answer.status() < 300 ? 0 : 1;
    }

    private static String read(Path file, String option) {
      try {
        return Files.readString(file);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(option + ": no such file: " + file);
      } catch (IOException e) {
        throw new IllegalArgumentException(option + ": cannot read " + file + " (" + e + ")");
      }
    }
  }
}
