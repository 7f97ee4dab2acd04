package io.jenkins.plugins.containercloud.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.rollout.DeploymentRollout;
import io.jenkins.plugins.containercloud.rollout.IntOrPercent;
import io.jenkins.plugins.containercloud.rollout.ReplicationControllerRollingUpdate;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.RolloutRequest;
import io.jenkins.plugins.containercloud.rollout.RolloutResult;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "rollout": a 50-replica workload on the testbed is updated to a new image — by our RC
 * rolling update, by our Deployment rollout, and by the native Deployment controller driven with
 * {@code kubectl set image} + {@code kubectl rollout status} (the anchor) — with the same maxSurge,
 * maxUnavailable and minReadySeconds, alternating, for several rounds. Prints the median time to
 * complete, the ratio against the native controller, and the API requests our engine made per
 * replica (counted in its client, informers included).
 */
public final class RolloutBenchmark {

  static final int REPLICAS = 50;
  static final String SURGE = "25%";
  static final String UNAVAILABLE = "25%";
  static final int MIN_READY_SECONDS = 1;
  static final String IMAGE = "127.0.0.1:5000/bench/web";

  private final KubernetesClient client;
  private final Path kubeconfig;
  private final String namespace;
  private final int rounds;

  RolloutBenchmark(KubernetesClient client, Path kubeconfig, String namespace, int rounds) {
    this.client = client;
    this.kubeconfig = kubeconfig;
    this.namespace = namespace;
    this.rounds = rounds;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null) {
      throw new IllegalStateException(
          "KUBECONFIG is not set: run testbed/up, then eval \"$(testbed/env)\"");
    }
    String namespace = "bench-rollout-" + UUID.randomUUID().toString().substring(0, 6);
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build()) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      try {
        new RolloutBenchmark(client, Path.of(kubeconfig), namespace, rounds).run();
      } finally {
        client.namespaces().withName(namespace).delete();
      }
    }
  }

  void run() throws Exception {
    Map<String, List<double[]>> results = new LinkedHashMap<>();
    List<Variant> variants = List.of(Variant.NATIVE, Variant.RC, Variant.DEPLOYMENT);
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < variants.size(); i++) {
        // Alternate the order so that no variant always runs on a warmer (or fuller) cluster.
        Variant variant = variants.get((i + round) % variants.size());
        String name = variant.prefix + "-" + round;
        double[] measured = measure(variant, name);
        results.computeIfAbsent(variant.label, k -> new ArrayList<>()).add(measured);
        System.err.printf(
            "round %d %-40s %7.0f ms %6.2f requests/replica%n",
            round, variant.label, measured[0], measured[1]);
        delete(variant, name);
      }
    }
    report(results);
  }

  private double[] measure(Variant variant, String name) throws Exception {
    create(variant, name);
    RolloutParameters parameters =
        RolloutParameters.defaults()
            .withMaxSurge(IntOrPercent.parse("maxSurge", SURGE))
            .withMaxUnavailable(IntOrPercent.parse("maxUnavailable", UNAVAILABLE))
            .withMinReady(Duration.ofSeconds(MIN_READY_SECONDS))
            .withProgressTimeout(Duration.ofMinutes(5));
    switch (variant) {
      case NATIVE -> {
        long start = System.nanoTime();
        kubectl("set", "image", "deployment/" + name, "web=" + IMAGE + ":v2");
        kubectl("rollout", "status", "deployment/" + name, "--timeout=5m");
        return new double[] {(System.nanoTime() - start) / 1e6, Double.NaN};
      }
      default -> {
        try (Cluster cluster =
            Cluster.connect(ClusterConfig.kubeconfig("bench", kubeconfig, null, namespace))) {
          long requestsBefore = cluster.requestCount();
          long start = System.nanoTime();
          WorkloadKind kind =
              variant == Variant.RC ? WorkloadKind.REPLICATION_CONTROLLER : WorkloadKind.DEPLOYMENT;
          RolloutRequest request =
              new RolloutRequest(
                  new WorkloadTarget(namespace, kind, name, "web"),
                  ImageReference.parse(IMAGE + ":v2"),
                  parameters,
                  "bench");
          RolloutResult result =
              variant == Variant.RC
                  ? ReplicationControllerRollingUpdate.update(cluster, request, e -> {})
                  : DeploymentRollout.rollout(cluster, request, e -> {});
          double millis = (System.nanoTime() - start) / 1e6;
          if (!result.succeeded()) {
            throw new IllegalStateException(variant.label + " failed: " + result.reason());
          }
          return new double[] {
            millis, (cluster.requestCount() - requestsBefore) / (double) REPLICAS
          };
        }
      }
    }
  }

  private void create(Variant variant, String name) {
    Map<String, String> labels = Map.of("app", name);
    if (variant == Variant.RC) {
      client
          .replicationControllers()
          .inNamespace(namespace)
          .resource(
              new ReplicationControllerBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(REPLICAS)
                  .withMinReadySeconds(MIN_READY_SECONDS)
                  .withSelector(labels)
                  .withNewTemplate()
                  .withNewMetadata()
                  .withLabels(labels)
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("web")
                  .withImage(IMAGE + ":v1")
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .build())
          .create();
      client
          .replicationControllers()
          .inNamespace(namespace)
          .withName(name)
          .waitUntilCondition(
              rc ->
                  rc != null
                      && rc.getStatus() != null
                      && Integer.valueOf(REPLICAS).equals(rc.getStatus().getAvailableReplicas()),
              5,
              TimeUnit.MINUTES);
    } else {
      client
          .apps()
          .deployments()
          .inNamespace(namespace)
          .resource(
              new DeploymentBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(REPLICAS)
                  .withMinReadySeconds(MIN_READY_SECONDS)
                  .withNewStrategy()
                  .withType("RollingUpdate")
                  .withNewRollingUpdate()
                  .withNewMaxSurge(SURGE)
                  .withNewMaxUnavailable(UNAVAILABLE)
                  .endRollingUpdate()
                  .endStrategy()
                  .withNewSelector()
                  .withMatchLabels(labels)
                  .endSelector()
                  .withNewTemplate()
                  .withNewMetadata()
                  .withLabels(labels)
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("web")
                  .withImage(IMAGE + ":v1")
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .build())
          .create();
      client
          .apps()
          .deployments()
          .inNamespace(namespace)
          .withName(name)
          .waitUntilCondition(
              d ->
                  d != null
                      && d.getStatus() != null
                      && Integer.valueOf(REPLICAS).equals(d.getStatus().getAvailableReplicas()),
              5,
              TimeUnit.MINUTES);
    }
  }

  private void delete(Variant variant, String name) {
    if (variant == Variant.RC) {
      client.replicationControllers().inNamespace(namespace).withName(name).delete();
    } else {
      client.apps().deployments().inNamespace(namespace).withName(name).delete();
    }
    client
        .pods()
        .inNamespace(namespace)
        .withLabel("app", name)
        .informOnCondition(List::isEmpty)
        .orTimeout(5, TimeUnit.MINUTES)
        .join();
  }

  private void kubectl(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "-n", namespace));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(6, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static void report(Map<String, List<double[]>> results) {
    double anchor = median(results.get(Variant.NATIVE.label), 0);
    System.out.printf(
        "%-44s %10s %22s %17s%n",
        "variant (50 replicas, surge " + SURGE + ", unavailable " + UNAVAILABLE + ")",
        "median ms",
        "ratio vs native",
        "requests/replica");
    for (Map.Entry<String, List<double[]>> entry : results.entrySet()) {
      double millis = median(entry.getValue(), 0);
      double requests = median(entry.getValue(), 1);
      System.out.printf(
          "%-44s %10.0f %22.2f %17s%n",
          entry.getKey(),
          millis,
          millis / anchor,
          Double.isNaN(requests) ? "(not counted)" : String.format("%.2f", requests));
    }
  }

  private static double median(List<double[]> values, int column) {
    double[] sorted = values.stream().mapToDouble(v -> v[column]).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The three ways to roll the same change out. */
  enum Variant {
    NATIVE("native Deployment (kubectl set image)", "native"),
    RC("container-cloud RC rolling update", "rc"),
    DEPLOYMENT("container-cloud Deployment rollout", "deploy");

    final String label;
    final String prefix;

    Variant(String label, String prefix) {
      this.label = label;
      this.prefix = prefix;
    }
  }
}
