package io.jenkins.plugins.containercloud.bench;

import io.jenkins.plugins.containercloud.testing.FaultInjectingProxy;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scenario "incremental push": the sample app is built and pushed, one source file changes, and it
 * is built and pushed again — by {@code container-cloud build --push} (daemon), by {@code
 * container-cloud build --daemonless} (Jib) and by {@code docker build && docker push} (the
 * anchor), alternating, through the same daemon to the same registry. Prints the median
 * whole-process time of the incremental round, the ratio against the docker CLI, and the bytes
 * uploaded in it (counted by a proxy in front of the registry, the same for all three).
 */
public final class IncrementalPushBenchmark {

  private final Path jar;
  private final Path launcher;
  private final Path java;
  private final int rounds;
  private final Path startupCache;

  IncrementalPushBenchmark(Path jar, Path launcher, Path java, int rounds) throws IOException {
    this.jar = jar;
    this.launcher = launcher;
    this.java = java;
    this.rounds = rounds;
    this.startupCache = Files.createTempDirectory("incremental-push-startup-cache");
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path jar =
        Path.of(System.getProperty("container-cloud.jar", "standalone/target/container-cloud.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn package first");
    }
    Path launcher = Path.of(System.getProperty("container-cloud.launcher", "bin/container-cloud"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    new IncrementalPushBenchmark(jar, launcher, java, rounds).run();
  }

  void run() throws Exception {
    Map<String, List<Measurement>> results = new LinkedHashMap<>();
    List<Variant> variants =
        List.of(Variant.DOCKER_CLI, Variant.DAEMON, Variant.DAEMON_PLAIN_JAR, Variant.DAEMONLESS);
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(Testbed.registry())) {
      for (int round = 1; round <= rounds; round++) {
        for (Variant variant : variants) {
          Measurement measurement = measure(variant, round, proxy);
          results.computeIfAbsent(variant.label, k -> new ArrayList<>()).add(measurement);
          System.err.printf(
              "round %d %-28s %7.0f ms %10d bytes%n",
              round, variant.label, measurement.millis, measurement.bytes);
        }
      }
    }
    report(results);
  }

  /** One warm-up build+push, then the timed one after a one-file change. */
  private Measurement measure(Variant variant, int round, FaultInjectingProxy proxy)
      throws Exception {
    Path app = Files.createTempDirectory("incremental-push");
    copy(Testbed.helloApp(), app);
    String image = proxy.address() + "/bench/" + variant.repository + ":r" + round;
    Files.writeString(app.resolve("www/index.html"), "round " + round + " of " + System.nanoTime());
    runChecked(variant.command(this, app, image));
    if (variant.launched) {
      awaitStartupCache();
    }
    Files.writeString(
        app.resolve("www/index.html"), "changed in round " + round + " at " + System.nanoTime());
    proxy.clearExchanges();
    long start = System.nanoTime();
    runChecked(variant.command(this, app, image));
    double millis = (System.nanoTime() - start) / 1e6;
    return new Measurement(millis, proxy.uploadedBytes());
  }

  /**
   * Waits (60 s at most) until the launcher's cache for {@code build} exists: the first build
   * trains it and the cache is assembled in the background, which a timed run must not overlap.
   */
  private void awaitStartupCache() throws IOException, InterruptedException {
    for (int i = 0; i < 600; i++) {
      try (Stream<Path> files = Files.list(startupCache)) {
        if (files.anyMatch(f -> f.toString().matches(".*-build\\.(aot|jsa)"))) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the launcher made no start-up cache for build within 60 s");
  }

  /** A command line through the launcher, which keeps a start-up cache per command. */
  private List<String> containerCloud(String... args) {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** The same command line as {@code java -jar}, without the launcher's start-up cache. */
  private List<String> plainJar(String... args) {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static void report(Map<String, List<Measurement>> results) {
    double anchor =
        median(results.get(Variant.DOCKER_CLI.label).stream().map(m -> m.millis).toList());
    System.out.println(
        "scenario: incremental push (hello-app, one file changed), median of "
            + results.get(Variant.DOCKER_CLI.label).size()
            + " rounds");
    System.out.printf(
        "%-28s %12s %18s %22s%n",
        "variant", "median ms", "ratio vs docker CLI", "bytes uploaded (median)");
    results.forEach(
        (label, measurements) -> {
          double millis = median(measurements.stream().map(m -> m.millis).toList());
          double bytes = median(measurements.stream().map(m -> (double) m.bytes).toList());
          System.out.printf("%-28s %12.0f %18.2f %22.0f%n", label, millis, millis / anchor, bytes);
        });
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private void runChecked(List<List<String>> commands) throws IOException, InterruptedException {
    for (List<String> command : commands) {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("CONTAINER_CLOUD_STARTUP_CACHE", startupCache.toString());
      builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private record Measurement(double millis, long bytes) {}

  /** The three ways of getting the change into the registry. */
  private enum Variant {
    DOCKER_CLI("docker build && docker push", "cli", false) {
      @Override
      List<List<String>> command(IncrementalPushBenchmark bench, Path app, String image) {
        String base = "BASE=" + Testbed.baseImage();
        return List.of(
            List.of("docker", "build", "-q", "--build-arg", base, "-t", image, app.toString()),
            List.of("docker", "push", "-q", image));
      }
    },
    DAEMON("container-cloud build --push", "daemon", true) {
      @Override
      List<List<String>> command(IncrementalPushBenchmark bench, Path app, String image) {
        return List.of(bench.containerCloud(daemonBuild(app, image)));
      }
    },
    DAEMON_PLAIN_JAR("  …as java -jar, no cache", "daemon-jar", false) {
      @Override
      List<List<String>> command(IncrementalPushBenchmark bench, Path app, String image) {
        return List.of(bench.plainJar(daemonBuild(app, image)));
      }
    },
    DAEMONLESS("container-cloud --daemonless", "jib", true) {
      @Override
      List<List<String>> command(IncrementalPushBenchmark bench, Path app, String image) {
        return List.of(
            bench.containerCloud(
                "build",
                "-q",
                "--daemonless",
                "--context",
                app.toString(),
                "--image",
                image,
                "--base",
                Testbed.baseImage().toString(),
                "--layer",
                "www:/www",
                "--cmd",
                "httpd",
                "--cmd=-f",
                "--cmd=-p",
                "--cmd",
                "8080",
                "--cmd=-h",
                "--cmd",
                "/www",
                "--cache-dir",
                app.resolveSibling("incremental-push-jib-cache").toString()));
      }
    };

    final String label;
    final String repository;

    /** Run through the launcher, whose start-up cache the first build trains. */
    final boolean launched;

    Variant(String label, String repository, boolean launched) {
      this.label = label;
      this.repository = repository;
      this.launched = launched;
    }

    abstract List<List<String>> command(IncrementalPushBenchmark bench, Path app, String image);

    static String[] daemonBuild(Path app, String image) {
      return new String[] {
        "build",
        "-q",
        "--context",
        app.toString(),
        "--image",
        image,
        "--build-arg",
        "BASE=" + Testbed.baseImage(),
        "--push"
      };
    }
  }
}
