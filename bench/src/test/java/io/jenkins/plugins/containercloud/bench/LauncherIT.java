package io.jenkins.plugins.containercloud.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@code bin/container-cloud}, the launcher: the first run of a command trains a start-up
 * cache, later runs load the command line's classes from it, and stdout carries only the command's
 * result. Runs after {@code standalone} has packaged {@code container-cloud.jar}.
 */
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = ROOT.resolve("standalone/target/container-cloud.jar");

  @TempDir Path cache;
  @TempDir Path work;

  @Test
  void secondRun_loadsTheCommandLineFromTheCacheTheFirstRunTrained() throws Exception {
    Run plain = run(List.of(java(), "-jar", JAR.toString(), "--version"), Map.of());
    Run first = launcher(Map.of(), "--version");
    assertThat(first.exit).isZero();
    assertThat(first.stdout).as("stdout holds only the result").isEqualTo(plain.stdout);

    awaitCacheFiles(1);

    Path classLog = work.resolve("classes.log");
    Run second =
        launcher(
            Map.of("CONTAINER_CLOUD_JAVA_OPTIONS", "-Xlog:class+load:file=" + classLog),
            "--version");
    assertThat(second.exit).isZero();
    assertThat(second.stdout).isEqualTo(plain.stdout);
    assertThat(Files.readAllLines(classLog))
        .as("the launcher's main class comes from the start-up cache, not from the jar")
        .anyMatch(
            line ->
                line.contains("io.jenkins.plugins.containercloud.standalone.Main ")
                    && line.contains("shared objects file"));
  }

  @Test
  void cacheOff_runsWithoutWritingOne() throws Exception {
    Run run = launcher(Map.of("CONTAINER_CLOUD_STARTUP_CACHE", "off"), "--version");
    assertThat(run.exit).isZero();
    assertThat(run.stdout).startsWith("container-cloud ");
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void exitCodeAndStderr_areTheCommands() throws Exception {
    Run run = launcher(Map.of(), "history", "--limit", "0", "--db", "jdbc:h2:file:" + work);
    assertThat(run.exit).as(run.stderr).isEqualTo(2);
    assertThat(run.stdout).isEmpty();
    assertThat(run.stderr).contains("limit must be between 1 and 1000");
  }

  private void awaitCacheFiles(int count) throws IOException, InterruptedException {
    // The JDK 25 cache is assembled in the background after the first run has answered.
    for (int i = 0; i < 600; i++) {
      try (Stream<Path> files = Files.list(cache)) {
        if (files.filter(f -> f.toString().matches(".*\\.(aot|jsa)")).count() >= count) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no start-up cache in " + cache + " after 60 s");
  }

  private Run launcher(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("bin/container-cloud").toString());
    command.addAll(List.of(args));
    return run(command, environment);
  }

  private Run run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().put("CONTAINER_CLOUD_STARTUP_CACHE", cache.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("XDG_DATA_HOME", work.toString());
    builder.environment().remove("CONTAINER_CLOUD_DB");
    builder.environment().putAll(environment);
    Path out = work.resolve("stdout");
    Path err = work.resolve("stderr");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished within 2 min").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Run(int exit, String stdout, String stderr) {}
}
