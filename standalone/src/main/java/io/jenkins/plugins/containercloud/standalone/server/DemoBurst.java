package io.jenkins.plugins.containercloud.standalone.server;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.scale.Bootstrap;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeTemplate;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import io.jenkins.plugins.containercloud.scale.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's story of the product's origin, played on the sandbox every four minutes: a burst of
 * ten pods beyond the cluster's capacity arrives, the simulated pool {@code burst} grows to take
 * it, the burst ends after ninety seconds, and the idle nodes are drained and removed.
 */
final class DemoBurst implements AutoCloseable {

  static final String NAMESPACE = "burst";
  private static final long GI = 1024L * 1024 * 1024;

  private final KubernetesClient client;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "demo-burst");
            t.setDaemon(true);
            return t;
          });

  DemoBurst(KubernetesClient client) {
    this.client = client;
  }

  /** The demo's pool: 4-CPU nodes labelled tier=burst, 0 to 6 of them, idle ones gone in 30 s. */
  static NodePool pool() {
    return new NodePool(
        "burst",
        "sandbox",
        new ProviderSettings("simulated", Map.of()),
        new NodeTemplate(
            new Resources(4000, 8 * GI, 110),
            Map.of("tier", "burst"),
            List.of(),
            "sim.xlarge",
            "sandbox",
            null),
        0,
        6,
        6,
        Duration.ofSeconds(30),
        0.5,
        Duration.ofMinutes(5),
        new Bootstrap("#!/bin/sh\n${joinCommand}\n", "echo simulated join", null));
  }

  void start() {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    timer.scheduleWithFixedDelay(this::burst, 20, 240, TimeUnit.SECONDS);
  }

  private void burst() {
    try {
      scale(10);
      Thread.sleep(90_000);
      scale(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The demo goes on at the next round.
    }
  }

  private void scale(int replicas) {
    client
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("burst")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", "burst")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "burst")
                .endMetadata()
                .withNewSpec()
                .addToNodeSelector("tier", "burst")
                .addNewContainer()
                .withName("work")
                .withImage("registry.example/burst:1")
                .withNewResources()
                .addToRequests("cpu", new Quantity("1"))
                .addToRequests("memory", new Quantity("1Gi"))
                .endResources()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
