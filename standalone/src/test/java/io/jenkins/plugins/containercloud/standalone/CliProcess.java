package io.jenkins.plugins.containercloud.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as a CI job runs it: its output goes to a file, and it can
 * be waited for or killed with SIGKILL (no shutdown hook, no finally block runs).
 */
final class CliProcess {

  private final Process process;
  private final Path output;

  private CliProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code container-cloud ARGS} with the history under {@code dataHome}. */
  static CliProcess start(Path dataHome, Path output, List<String> args) throws IOException {
    return start(dataHome, output, args, Map.of());
  }

  /** {@link #start(Path, Path, List)} with more environment variables. */
  static CliProcess start(
      Path dataHome, Path output, List<String> args, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("XDG_DATA_HOME", dataHome.toString());
    builder.environment().remove("CONTAINER_CLOUD_DB");
    builder.environment().putAll(environment);
    return new CliProcess(builder.start(), output);
  }

  /** The exit code, waiting at most {@code minutes}; fails with the output when it hangs. */
  int exitCode(int minutes) throws IOException, InterruptedException {
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + minutes + " min:\n" + output());
    }
    return process.exitValue();
  }

  /** What it printed on stdout and stderr so far. */
  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /** Whether one of its threads is now inside {@code method} (e.g. "Deployments.writeAhead"). */
  boolean isInside(String method) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()),
                "Thread.print")
            .redirectErrorStream(true)
            .start();
    String threads = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return threads.contains("." + method + "(");
  }

  /** Waits until a {@code serve} at {@code base} answers its readiness probe. */
  static void awaitReady(java.net.http.HttpClient http, String base) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(90))
        .until(
            () -> {
              try {
                return http.send(
                            java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(base + "/readyz"))
                                .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200;
              } catch (IOException e) {
                return false;
              }
            });
  }

  /**
   * The start of a {@code serve} configuration for these processes: loopback {@code port}, the
   * cluster {@code sandbox} at {@code kubeconfig}, an admin API token from the file {@code token}
   * beside it.
   */
  static String serveYaml(int port, Path kubeconfig) {
    return """
        server: {host: 127.0.0.1, port: %d}
        clusters:
          - {name: sandbox, kubeconfig: %s}
        apiTokens:
          - {name: test, role: admin, token: {file: token}}
        """
        .formatted(port, kubeconfig.toAbsolutePath());
  }

  /** SIGKILL, and wait until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
