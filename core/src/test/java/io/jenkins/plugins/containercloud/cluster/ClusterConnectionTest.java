package io.jenkins.plugins.containercloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link Cluster}: validation on connect, and reads served by informers. */
class ClusterConnectionTest {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  private static final URI TESTBED_SERVER = URI.create("https://127.0.0.1:16443");

  @Test
  void connect_reportsTheServerVersion_andTheDefaultNamespace() {
    try (Cluster cluster = Cluster.connect(kubeconfig(TESTBED.namespace()))) {
      assertThat(cluster.serverVersion()).startsWith("v1.36.");
      assertThat(cluster.defaultNamespace()).isEqualTo(TESTBED.namespace());
      assertThat(cluster.nodes()).isNotEmpty();
    }
  }

  @Test
  void connect_refusesAMissingNamespace_namingIt() {
    assertThatThrownBy(() -> Cluster.connect(kubeconfig("no-such-namespace")))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("namespace no-such-namespace does not exist");
  }

  @Test
  void connect_refusesABadToken_as401() {
    assertThatThrownBy(
            () ->
                Cluster.connect(
                    ClusterConfig.token("t", TESTBED_SERVER, "not-a-token", caPem(), "default")))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("refused the credentials (401 Unauthorized)")
        .hasMessageNotContaining("not-a-token");
  }

  @Test
  void connect_refusesAnUntrustedCertificate() {
    assertThatThrownBy(
            () -> Cluster.connect(ClusterConfig.token("t", TESTBED_SERVER, "x", null, "default")))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("is not trusted")
        .hasMessageContaining("give the cluster's CA certificate");
  }

  @Test
  void connect_reportsAnUnreachableServer() {
    assertThatThrownBy(
            () ->
                Cluster.connect(
                    ClusterConfig.token(
                        "t", URI.create("https://127.0.0.1:1"), "x", null, "default")))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("cannot reach the API server at https://127.0.0.1:1")
        .hasMessageEndingWith(
            " (connection refused): check that the cluster runs and that the kubeconfig's server"
                + " address is right")
        .hasMessageNotContaining("java.net");
  }

  @Test
  void connect_refusesAnUnreadableKubeconfig(@TempDir Path dir) throws Exception {
    Path garbage = Files.writeString(dir.resolve("config"), "this: [is not a kubeconfig");
    assertThatThrownBy(
            () -> Cluster.connect(ClusterConfig.kubeconfig("k", dir.resolve("absent"), null, null)))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("cannot read the kubeconfig file");
    assertThatThrownBy(() -> Cluster.connect(ClusterConfig.kubeconfig("k", garbage, null, null)))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("kubeconfig is not usable");
  }

  @Test
  void state_seesChangesThroughItsInformers_andAwaitWakesOnThem() throws Exception {
    try (Cluster cluster = Cluster.connect(kubeconfig(TESTBED.namespace()))) {
      NamespaceState state = cluster.state(TESTBED.namespace());
      long requestsBefore = cluster.requestCount();
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () ->
                      TESTBED
                          .client()
                          .pods()
                          .inNamespace(TESTBED.namespace())
                          .resource(
                              new io.fabric8.kubernetes.api.model.PodBuilder()
                                  .withNewMetadata()
                                  .withName("watched")
                                  .withLabels(Map.of("app", "watched"))
                                  .endMetadata()
                                  .withNewSpec()
                                  .addNewContainer()
                                  .withName("c")
                                  .withImage("127.0.0.1:5000/testbed/web:v1")
                                  .endContainer()
                                  .endSpec()
                                  .build())
                          .create());

      String name =
          state.await(
              () ->
                  state.podsMatching(Map.of("app", "watched")).stream()
                      .findFirst()
                      .map(p -> p.getMetadata().getName()),
              Duration.ofSeconds(30),
              "the pod to appear");
      writer.join();

      assertThat(name).isEqualTo("watched");
      assertThat(cluster.requestCount())
          .as("waiting reads the cache; it sends no request")
          .isEqualTo(requestsBefore);
    }
  }

  private static ClusterConfig kubeconfig(String namespace) {
    return ClusterConfig.kubeconfig("testbed", TESTBED.kubeconfig(), null, namespace);
  }

  private static String caPem() {
    try {
      io.fabric8.kubernetes.client.Config config =
          io.fabric8.kubernetes.client.Config.fromKubeconfig(
              null, Files.readString(TESTBED.kubeconfig()), TESTBED.kubeconfig().toString());
      if (config.getCaCertData() != null) {
        return new String(java.util.Base64.getDecoder().decode(config.getCaCertData()));
      }
      return Files.readString(Path.of(config.getCaCertFile()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
