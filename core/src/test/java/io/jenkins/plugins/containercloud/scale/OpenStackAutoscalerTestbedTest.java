package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.ScalingEvent;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.OpenStackEmulator;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the testbed with OpenStack: pods beyond capacity → servers booted on the OpenStack
 * emulator with the join token in their user data and the pool's metadata → the testbed's joiner
 * makes them kwok nodes → the pods run → the burst ends → the nodes are drained, deleted and their
 * servers deleted.
 */
class OpenStackAutoscalerTestbedTest {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  private static final Duration LONG = Duration.ofMinutes(3);

  @TempDir Path dir;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String owner = "it-" + run;
  private final OpenStackEmulator emulator = new OpenStackEmulator();
  private Cluster cluster;
  private HistoryStore history;
  private Autoscaler autoscaler;
  private NodePool pool;
  private NodeProvider provider;

  @BeforeEach
  void start() throws Exception {
    cluster =
        Cluster.connect(
            ClusterConfig.kubeconfig(
                "testbed", Path.of(Testbed.require("KUBECONFIG")), null, TESTBED.namespace()));
    history = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
    pool =
        new NodePool(
            "burst-" + run,
            "testbed",
            new ProviderSettings("openstack", emulator.settings()),
            // Flavour 4 is m1.large (4 vCPU, 8 GiB); network 1 is the emulator's network.
            new NodeTemplate(
                new Resources(4000, 8 * Pools.GI, 110),
                Map.of("tier", "burst-" + run),
                List.of(),
                "4",
                "ubuntu-24.04",
                "1"),
            0,
            5,
            5,
            Duration.ofSeconds(1),
            0.5,
            Duration.ofMinutes(5),
            new Bootstrap(
                "#!/bin/bash\nset -e\n${joinCommand}\n",
                "kubeadm join 127.0.0.1:16443 --token ${token}"
                    + " --discovery-token-unsafe-skip-ca-verification --node-labels=${nodeLabels}",
                SecretRef.parse(
                    "joinToken", "file:" + Testbed.require("TESTBED_JOIN_TOKEN_FILE"))));
    provider = NodeProviders.of(pool.provider(), owner);
    autoscaler = Bursts.autoscaler(cluster, history, pool, provider);
  }

  @AfterEach
  void cleanUp() {
    // The autoscaler closes its providers; nothing this test made may outlive it.
    autoscaler.close();
    try (NodeProvider cleaner = NodeProviders.of(pool.provider(), owner)) {
      cleaner.listOwned(pool.name()).forEach(m -> cleaner.delete(m.id()));
    }
    cluster.client().nodes().withLabel(NodePool.POOL_LABEL, pool.name()).delete();
    cluster.close();
    history.close();
  }

  private List<String> types() {
    return history.scalingEvents("testbed", 500).stream()
        .filter(e -> e.pool().equals(pool.name()))
        .map(ScalingEvent::type)
        .toList();
  }

  private Node nodeOf(KubernetesClient client, Machine m) {
    return client.nodes().list().getItems().stream()
        .filter(n -> m.providerId().equals(n.getSpec().getProviderID()))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aBurstBeyondCapacity_bootsServersThatJoin_andTheyAreDeletedWhenTheBurstIsGone()
      throws Exception {
    KubernetesClient client = TESTBED.client();
    String burst = "burst-" + run;
    client.resource(Bursts.deployment(TESTBED.namespace(), burst, 6, Map.of())).create();

    await().atMost(LONG).until(() -> Bursts.running(client, TESTBED.namespace(), burst) == 6);
    // 1500m pods on 4-CPU nodes: two per node, so three servers is the optimum.
    List<Machine> machines = provider.listOwned(pool.name());
    assertThat(machines).hasSize(3);
    String token = Files.readString(Path.of(Testbed.require("TESTBED_JOIN_TOKEN_FILE"))).trim();
    for (Machine m : machines) {
      JsonNode server =
          emulator.servers().stream()
              .filter(s -> s.path("id").asText().equals(m.id()))
              .findFirst()
              .orElseThrow();
      String userData =
          new String(
              Base64.getDecoder().decode(server.path("OS-EXT-SRV-ATTR:user_data").asText()),
              StandardCharsets.UTF_8);
      assertThat(userData).startsWith("#!/bin/bash").contains("--token " + token);
      assertThat(server.path("metadata").path(NodeProvider.POOL_TAG).asText())
          .isEqualTo(pool.name());
      assertThat(server.path("metadata").path(NodeProvider.OWNER_TAG).asText()).isEqualTo(owner);
      assertThat(server.path("flavor").path("id").asText()).isEqualTo("4");
      Node node = nodeOf(client, m);
      assertThat(node).isNotNull();
      assertThat(node.getMetadata().getName()).isEqualTo(server.path("name").asText());
      assertThat(node.getMetadata().getLabels()).containsEntry(NodePool.POOL_LABEL, pool.name());
    }
    assertThat(types()).contains(ScalingEvents.SCALE_UP_REQUESTED, ScalingEvents.SCALE_UP_CREATED);
    await()
        .atMost(LONG)
        .until(() -> types().stream().filter(ScalingEvents.MACHINE_JOINED::equals).count() == 3);

    client.apps().deployments().inNamespace(TESTBED.namespace()).withName(burst).delete();

    await().atMost(LONG).until(() -> provider.listOwned(pool.name()).isEmpty());
    await().atMost(LONG).until(() -> machines.stream().allMatch(m -> nodeOf(client, m) == null));
    assertThat(types().stream().filter(ScalingEvents.MACHINE_TERMINATED::equals)).hasSize(3);
    assertThat(types())
        .contains(
            ScalingEvents.NODE_CORDONED, ScalingEvents.NODE_DRAINED, ScalingEvents.NODE_DELETED);
  }
}
