package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the testbed with QingCloud: pods beyond capacity → instances on the QingCloud
 * stand-in (which checks every signature) with the join script as user data and the pool's tag →
 * the testbed's QingCloud joiner makes them kwok nodes → the pods run → the burst ends → the nodes
 * are drained, deleted and their instances terminated. And a wrong secret: refused, reported.
 */
class QingCloudAutoscalerTestbedTest {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  private static final Duration LONG = Duration.ofMinutes(3);

  @TempDir Path dir;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String owner = "it-" + run;
  private final String name = "qc-" + run;
  private Cluster cluster;
  private HistoryStore history;
  private Autoscaler autoscaler;
  private NodePool pool;
  private NodeProvider provider;

  private NodePool pool(String secretFile) {
    Map<String, String> settings =
        Map.of(
            "endpoint",
            Testbed.require("TESTBED_QINGCLOUD_ENDPOINT"),
            "zone",
            "it" + run,
            "accessKeyId",
            Testbed.require("TESTBED_QINGCLOUD_ACCESS_KEY_ID"),
            "secretAccessKeyRef",
            "file:" + secretFile,
            "loginKeypair",
            "kp-testbed",
            "vxnet",
            "vxnet-0",
            "pollInterval",
            "PT0.2S");
    return Bursts.pool(
        name,
        new ProviderSettings("qingcloud", settings),
        "c4m16",
        "img-testbed",
        Duration.ofMinutes(5),
        "file:" + Testbed.require("TESTBED_JOIN_TOKEN_FILE"));
  }

  private void start(NodePool p) {
    pool = p;
    provider = NodeProviders.of(p.provider(), owner);
    autoscaler = Bursts.autoscaler(cluster, history, p, provider);
  }

  @BeforeEach
  void connect() {
    cluster = Bursts.cluster(TESTBED.namespace());
    history = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
  }

  @AfterEach
  void cleanUp() {
    if (autoscaler != null) {
      autoscaler.close();
    }
    // Nothing this test made may outlive it (a pending instance is ended on a later try).
    NodeProvider cleaner =
        NodeProviders.of(pool(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE")).provider(), owner);
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(
            () -> {
              for (Machine m : cleaner.listOwned(name)) {
                cleaner.delete(m.id());
                cluster.client().nodes().withName(m.id()).delete();
              }
              return cleaner.listOwned(name).stream().allMatch(Machine::terminating);
            });
    cleaner.close();
    cluster.close();
    history.close();
  }

  private List<String> types() {
    return Bursts.types(history, pool);
  }

  private String userData(String instanceId) throws Exception {
    URI endpoint = URI.create(Testbed.require("TESTBED_QINGCLOUD_ENDPOINT"));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(endpoint.resolve("/metadata/" + instanceId + "/userdata"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void aBurstBeyondCapacity_growsThePoolOnQingCloud_andItShrinksAgainWhenTheBurstIsGone()
      throws Exception {
    KubernetesClient client = TESTBED.client();
    start(pool(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE")));

    client.resource(Bursts.deployment(TESTBED.namespace(), name, 6, Map.of())).create();

    await().atMost(LONG).until(() -> Bursts.running(client, TESTBED.namespace(), name) == 6);
    // 1500m pods on 4-CPU nodes: two per node, so three nodes is the optimum.
    List<Machine> machines = provider.listOwned(name);
    assertThat(machines).hasSize(3);
    String token = Files.readString(Path.of(Testbed.require("TESTBED_JOIN_TOKEN_FILE"))).trim();
    for (Machine m : machines) {
      Node node = client.nodes().withName(m.id()).get();
      assertThat(node.getSpec().getProviderID())
          .isEqualTo(m.providerId())
          .startsWith("qingcloud://");
      assertThat(node.getMetadata().getLabels())
          .containsEntry(NodePool.POOL_LABEL, name)
          .containsEntry("tier", name);
      assertThat(userData(m.id()))
          .isEqualTo(pool.bootstrap().render(pool))
          .contains("--token " + token);
    }
    assertThat(types()).contains(ScalingEvents.SCALE_UP_REQUESTED, ScalingEvents.SCALE_UP_CREATED);
    await()
        .atMost(LONG)
        .until(() -> types().stream().filter(ScalingEvents.MACHINE_JOINED::equals).count() == 3);

    client.apps().deployments().inNamespace(TESTBED.namespace()).withName(name).delete();

    Bursts.awaitScaleIn(client, provider, history, pool, machines);
  }

  @Test
  void aWrongSecret_isRefusedByTheStandIn_andReportedClearly_andNothingIsLaunched()
      throws Exception {
    Path wrong = Files.writeString(dir.resolve("qingcloud-secret"), "a-wrong-secret-value");
    start(pool(wrong.toString()));

    TESTBED.client().resource(Bursts.deployment(TESTBED.namespace(), name, 2, Map.of())).create();

    await().atMost(LONG).until(() -> autoscaler.providerErrors().containsKey("QingCloud1200"));
    assertThatThrownBy(() -> autoscaler.scaleUpManually(name, 1, "the test"))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("ret_code 1200")
        .hasMessageContaining("signature")
        .hasMessageContaining("file:" + wrong)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("a-wrong-secret-value"));
    try (NodeProvider right =
        NodeProviders.of(
            pool(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE")).provider(), owner)) {
      assertThat(right.listOwned(name)).isEmpty();
    }
    assertThat(Bursts.running(TESTBED.client(), TESTBED.namespace(), name)).isZero();
  }
}
