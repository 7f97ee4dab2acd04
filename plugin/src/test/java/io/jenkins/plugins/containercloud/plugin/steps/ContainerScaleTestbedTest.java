package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.plugin.pools.Ec2Provider;
import io.jenkins.plugins.containercloud.plugin.pools.NodePoolSettings;
import io.jenkins.plugins.containercloud.plugin.pools.PoolsRuntime;
import io.jenkins.plugins.containercloud.plugin.pools.SecretFiles;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.Machine;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeProvider;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code containerScale} end to end on the testbed: a pool configured as in Manage Jenkins (EC2
 * provider and join token from Jenkins credentials), its autoscaler made as the controller makes
 * it; EC2 instances on moto, joined by the testbed's joiner as kwok nodes; then drained, deleted
 * and terminated when the step asks for none.
 */
class ContainerScaleTestbedTest {

  @RegisterExtension static final KubeTestbed KUBE = new KubeTestbed();

  @TempDir Path history;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String owner = "it-" + run;
  private TestConfigurations.Counting configuration;
  private PoolsRuntime runtime;
  private CredentialResolver credentials;

  @AfterEach
  void cleanUp() {
    if (runtime != null) {
      runtime.close();
    }
    // Nothing this test made may outlive it.
    try (SecretFiles secrets = new SecretFiles()) {
      NodePool pool = configuration.getNodePools().get(0).toNodePool(credentials, secrets);
      try (NodeProvider cleaner = NodeProviders.of(pool.provider(), owner)) {
        for (Machine m : cleaner.listOwned(pool.name())) {
          cleaner.delete(m.id());
          KUBE.client().nodes().withName(m.id()).delete();
        }
      }
    }
    configuration.close();
  }

  @Test
  void containerScale_ordersEc2Instances_thatJoinAsReadyNodes_andRemovesThemAgain()
      throws Exception {
    ClusterSettings cluster = new ClusterSettings("testbed", "kubeconfig");
    cluster.setNamespace(KUBE.namespace());
    configuration = TestConfigurations.with(List.of(cluster), List.of(), history);
    Ec2Provider ec2 = new Ec2Provider("us-east-1");
    ec2.setEndpoint(Testbed.require("TESTBED_EC2_ENDPOINT"));
    ec2.setCredentialsId("aws");
    String name = "scale-" + run;
    NodePoolSettings pool = new NodePoolSettings(name, "testbed", ec2);
    pool.setMaxNodes(3);
    pool.setCpu("4");
    pool.setMemory("16Gi");
    pool.setLabels("tier=" + name);
    pool.setInstanceType("m5.xlarge");
    pool.setImage("ami-12c6146b");
    pool.setUserData("#!/bin/bash\nset -e\n${joinCommand}\n");
    pool.setJoinCommand(
        "kubeadm join 127.0.0.1:16443 --token ${token}"
            + " --discovery-token-unsafe-skip-ca-verification --node-labels=${nodeLabels}");
    pool.setJoinTokenCredentialsId("join-token");
    // The autoscaler leaves the idle nodes alone: only the step removes them.
    pool.setScaleDownDelay("PT1H");
    configuration.setNodePools(List.of(pool));
    credentials =
        TestCredentials.resolver(
            TestCredentials.secretFile(
                "kubeconfig", "config", Files.readAllBytes(KUBE.kubeconfig())),
            // moto takes any well-formed credentials.
            TestCredentials.usernamePassword("aws", "test", "test"),
            TestCredentials.secretText(
                "join-token",
                Files.readString(Path.of(Testbed.require("TESTBED_JOIN_TOKEN_FILE"))).strip()));
    runtime =
        PoolsRuntime.open(
            configuration,
            credentials,
            (p, ignored) -> NodeProviders.of(p.provider(), owner),
            new Autoscaler.Timing(Duration.ofMillis(200), Duration.ofSeconds(1)));
    runtime.scaling().start();
    FakeStepHost host =
        new FakeStepHost(configuration, credentials, null).withScaling(runtime.scaling());

    ContainerScaleStep up = new ContainerScaleStep(name, 2);
    up.setTimeout("4m");
    Map<String, Object> grown =
        new ContainerScaleExecution(up, new FakeStepContext(), host.factory()).run();

    assertThat(grown).containsEntry("from", 0).containsEntry("ordered", 2);
    List<Node> nodes = KUBE.client().nodes().withLabel(NodePool.POOL_LABEL, name).list().getItems();
    assertThat(nodes).hasSize(2);
    for (Node node : nodes) {
      assertThat(node.getMetadata().getLabels()).containsEntry("tier", name);
      assertThat(node.getStatus().getConditions())
          .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    ContainerScaleStep down = new ContainerScaleStep(name, 0);
    down.setTimeout("4m");
    Map<String, Object> shrunk =
        new ContainerScaleExecution(down, new FakeStepContext(), host.factory()).run();

    assertThat(shrunk).containsEntry("from", 2).containsEntry("nodes", 0);
    assertThat((List<?>) shrunk.get("drained")).hasSize(2);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                KUBE.client()
                    .nodes()
                    .withLabel(NodePool.POOL_LABEL, name)
                    .list()
                    .getItems()
                    .isEmpty());
    try (SecretFiles secrets = new SecretFiles();
        NodeProvider provider =
            NodeProviders.of(pool.toNodePool(credentials, secrets).provider(), owner)) {
      await().atMost(Duration.ofMinutes(2)).until(() -> provider.listOwned(name).isEmpty());
    }
  }
}
