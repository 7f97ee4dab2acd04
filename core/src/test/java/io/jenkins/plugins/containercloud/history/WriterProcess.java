package io.jenkins.plugins.containercloud.history;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@link CrashingWriterProcess} in a JVM of its own on the test class path, reads what it
 * says, and kills it (SIGKILL: no shutdown hook, no finally block runs).
 */
final class WriterProcess implements AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private final Path errors;
  final Set<String> begun = new LinkedHashSet<>();
  final Set<String> committed = new LinkedHashSet<>();

  private WriterProcess(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static WriterProcess start(List<String> arguments, Map<String, String> environment, Path errors)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashingWriterProcess.class.getName());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
    builder.environment().putAll(environment);
    return new WriterProcess(builder.start(), errors);
  }

  /** Reads lines until one starts with {@code prefix}; returns the rest of it. */
  String awaitLine(String prefix) throws IOException {
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("begin ")) {
        begun.add(line.substring("begin ".length()));
      } else if (line.startsWith("committed ")) {
        committed.add(line.substring("committed ".length()));
      }
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    return fail(
        "the writer process ended before saying '%s'; its stderr:%n%s",
        prefix, Files.readString(errors));
  }

  /**
   * SIGKILL, then reads what it said before it died ({@link Process#destroyForcibly} would close
   * its output unread).
   */
  void killAndDrain() throws IOException, InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("begin ")) {
        begun.add(line.substring("begin ".length()));
      } else if (line.startsWith("committed ")) {
        committed.add(line.substring("committed ".length()));
      }
    }
  }

  /** SIGKILL, and wait until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws Exception {
    kill();
    out.close();
  }
}
