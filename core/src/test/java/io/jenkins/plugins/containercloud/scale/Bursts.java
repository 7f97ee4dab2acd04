package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.ScalingEvent;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The burst of the end-to-end autoscaler tests: a Deployment {@code name} of 1500m / 1 GiB pods
 * that only fit nodes labelled {@code tier=<name>}, two to a 4-CPU node; the pool {@code name} of
 * such nodes, joined by a kubeadm user-data script; an autoscaler that watches it and its record.
 */
final class Bursts {

  private Bursts() {}

  /** Pool {@code name}: 4-CPU 16 GiB nodes labelled {@code tier=<name>}, 0 to 5 of them. */
  static NodePool pool(
      String name,
      ProviderSettings provider,
      String instanceType,
      String image,
      Duration maxProvisionTime,
      String joinTokenRef) {
    return new NodePool(
        name,
        "testbed",
        provider,
        new NodeTemplate(
            new Resources(4000, 16 * Pools.GI, 110),
            Map.of("tier", name),
            List.of(),
            instanceType,
            image,
            null),
        0,
        5,
        5,
        Duration.ofSeconds(1),
        0.5,
        maxProvisionTime,
        new Bootstrap(
            "#!/bin/bash\nset -e\n${joinCommand}\n",
            "kubeadm join 127.0.0.1:16443 --token ${token}"
                + " --discovery-token-unsafe-skip-ca-verification --node-labels=${nodeLabels}",
            SecretRef.parse("joinToken", joinTokenRef)));
  }

  /** A connection to the testbed's cluster, whose default namespace is {@code namespace}. */
  static Cluster cluster(String namespace) {
    return Cluster.connect(
        ClusterConfig.kubeconfig(
            "testbed", Path.of(Testbed.require("KUBECONFIG")), null, namespace));
  }

  /** A started autoscaler of {@code pool} on the testbed's cluster, quick to react. */
  static Autoscaler autoscaler(
      Cluster cluster, HistoryStore history, NodePool pool, NodeProvider provider) {
    Autoscaler autoscaler =
        new Autoscaler(
            "testbed",
            cluster.wholeCluster(),
            cluster.client(),
            List.of(pool),
            Map.of(pool.name(), provider),
            ScalingLog.of(history),
            Clock.systemUTC(),
            new Autoscaler.Timing(Duration.ofMillis(200), Duration.ofSeconds(1)));
    autoscaler.start();
    return autoscaler;
  }

  /**
   * Waits for the scale-in after a burst: no machine of {@code pool} left, the nodes of {@code
   * machines} gone, each of them terminated, cordoned, drained and deleted on the record.
   */
  static void awaitScaleIn(
      KubernetesClient client,
      NodeProvider provider,
      HistoryStore history,
      NodePool pool,
      List<Machine> machines) {
    Duration atMost = Duration.ofMinutes(3);
    await().atMost(atMost).until(() -> provider.listOwned(pool.name()).isEmpty());
    await()
        .atMost(atMost)
        .until(
            () -> machines.stream().allMatch(m -> client.nodes().withName(m.id()).get() == null));
    List<String> types = types(history, pool);
    assertThat(types.stream().filter(ScalingEvents.MACHINE_TERMINATED::equals))
        .hasSize(machines.size());
    assertThat(types)
        .contains(
            ScalingEvents.NODE_CORDONED, ScalingEvents.NODE_DRAINED, ScalingEvents.NODE_DELETED);
  }

  /** The types of the events recorded for {@code pool}, oldest first. */
  static List<String> types(HistoryStore history, NodePool pool) {
    return history.scalingEvents("testbed", 500).stream()
        .filter(e -> e.pool().equals(pool.name()))
        .map(ScalingEvent::type)
        .toList();
  }

  /** The burst: 1500m / 1Gi pods that only the pool labelled {@code tier=name} can take. */
  static Deployment deployment(
      String namespace, String name, int replicas, Map<String, String> annotations) {
    return io.jenkins.plugins.containercloud.testing.Bursts.deployment(
        namespace, name, replicas, "1500m", "1Gi", annotations);
  }

  static List<Pod> pods(KubernetesClient client, String namespace, String name) {
    return client.pods().inNamespace(namespace).withLabel("app", name).list().getItems();
  }

  static long running(KubernetesClient client, String namespace, String name) {
    return pods(client, namespace, name).stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .count();
  }
}
