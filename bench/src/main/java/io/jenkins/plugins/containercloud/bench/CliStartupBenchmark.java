package io.jenkins.plugins.containercloud.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario "cli-startup": whole-process times of short commands — {@code --version}, {@code history
 * --limit 1} and {@code status} — run as {@code java -jar container-cloud.jar} and through the
 * launcher {@code bin/container-cloud} (its start-up cache trained before the first round), against
 * {@code docker version} (the anchor) and {@code kubectl get deployment}, alternating, median of
 * the rounds.
 */
public final class CliStartupBenchmark {

  private static final String NAMESPACE = "bench-cli-startup";
  private static final String WORKLOAD = "web";

  private final Path jar;
  private final Path launcher;
  private final Path java;
  private final int rounds;
  private final Path work;

  CliStartupBenchmark(Path jar, Path launcher, Path java, int rounds) throws IOException {
    this.jar = jar;
    this.launcher = launcher;
    this.java = java;
    this.rounds = rounds;
    this.work = Files.createTempDirectory("cli-startup");
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path jar =
        Path.of(System.getProperty("container-cloud.jar", "standalone/target/container-cloud.jar"));
    Path launcher = Path.of(System.getProperty("container-cloud.launcher", "bin/container-cloud"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn package first");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    new CliStartupBenchmark(jar, launcher, java, rounds).run();
  }

  void run() throws Exception {
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      createWorkload(client);
      try {
        measure();
      } finally {
        client.namespaces().withName(NAMESPACE).delete();
      }
    }
  }

  private void measure() throws Exception {
    String db = "jdbc:h2:file:" + work.resolve("history");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("docker version", List.of("docker", "version"));
    commands.put(
        "kubectl get deployment",
        List.of("kubectl", "get", "deployment", WORKLOAD, "-n", NAMESPACE));
    addBoth(commands, "--version");
    addBoth(commands, "history --limit 1", "history", "--limit", "1", "--db", db);
    addBoth(commands, "status", "status", "-n", NAMESPACE, "--deployment", WORKLOAD);
    train(commands);

    Map<String, List<Double>> results = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        double millis = timed(command.getValue());
        results.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(millis);
        System.err.printf("round %d %-48s %7.0f ms%n", round, command.getKey(), millis);
      }
    }
    double anchor = IncrementalPushBenchmark.median(results.get("docker version"));
    System.out.printf(
        "scenario: cli-startup, whole-process time, median of %d rounds, %s%n",
        rounds, Runtime.version());
    System.out.printf("%-48s %10s %22s%n", "command", "median ms", "ratio vs docker version");
    results.forEach(
        (label, millis) -> {
          double median = IncrementalPushBenchmark.median(millis);
          System.out.printf("%-48s %10.0f %22.2f%n", label, median, median / anchor);
        });
  }

  /** Adds a command twice: through {@code java -jar} and through the launcher. */
  private void addBoth(Map<String, List<String>> commands, String label, String... args) {
    List<String> plain = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
    List<String> launched = new ArrayList<>(List.of(launcher.toString()));
    List<String> arguments = args.length == 0 ? List.of(label) : List.of(args);
    plain.addAll(arguments);
    launched.addAll(arguments);
    commands.put("java -jar container-cloud.jar " + label, plain);
    commands.put("bin/container-cloud " + label, launched);
  }

  /** Runs each launcher command once and waits (60 s at most) for its cache to be assembled. */
  private void train(Map<String, List<String>> commands) throws Exception {
    for (Map.Entry<String, List<String>> command : commands.entrySet()) {
      if (!command.getKey().startsWith("bin/")) {
        continue;
      }
      int before = cacheFiles();
      timed(command.getValue());
      for (int i = 0; i < 600 && cacheFiles() == before; i++) {
        Thread.sleep(100);
      }
      if (cacheFiles() == before) {
        throw new IllegalStateException(
            "the launcher made no start-up cache for " + command.getKey() + " within 60 s");
      }
    }
  }

  private int cacheFiles() throws IOException {
    Path dir = work.resolve("startup-cache");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return (int)
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".aot") || name.endsWith(".jsa"))
              .count();
    }
  }

  private double timed(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .put("CONTAINER_CLOUD_STARTUP_CACHE", work.resolve("startup-cache").toString());
    builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    double millis = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return millis;
  }

  private static void createWorkload(KubernetesClient client) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    client
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(WORKLOAD)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels("app", WORKLOAD)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", WORKLOAD)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(WORKLOAD)
                .withImage("127.0.0.1:5000/testbed/web:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .serverSideApply();
    client
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .withName(WORKLOAD)
        .waitUntilCondition(
            d ->
                d.getStatus() != null
                    && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()),
            2,
            TimeUnit.MINUTES);
  }
}
