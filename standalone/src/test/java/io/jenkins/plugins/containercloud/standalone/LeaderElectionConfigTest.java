package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.standalone.server.ConfigException;
import io.jenkins.plugins.containercloud.standalone.server.ServerConfig;
import io.jenkins.plugins.containercloud.standalone.server.ServerRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code leaderElection} section: its defaults, and clear errors for what cannot work. */
class LeaderElectionConfigTest {

  @TempDir Path dir;

  private ServerRuntime.Election read(String yaml) throws Exception {
    Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
    Path file = Files.writeString(dir.resolve("server.yaml"), yaml);
    Map<String, String> env = Map.of("HOSTNAME", "serve-0");
    return LeaderElectionConfig.read(file, ServerConfig.read(file, env), env);
  }

  @Test
  void withoutTheSection_thereIsNoElection() throws Exception {
    assertThat(read("clusters:\n  - {name: prod, kubeconfig: kubeconfig}\n")).isNull();
  }

  @Test
  void anEmptySection_takesTheFirstClusterItsNamespace_andClientGosTimings() throws Exception {
    ServerRuntime.Election e =
        read(
            """
            server: {port: 8081}
            clusters:
              - {name: prod, kubeconfig: kubeconfig, namespace: apps}
              - {name: test, kubeconfig: kubeconfig}
            leaderElection: {}
            """);

    assertThat(e.cluster()).isEqualTo("prod");
    assertThat(e.settings().namespace()).isEqualTo("apps");
    assertThat(e.settings().name()).isEqualTo("container-cloud-serve");
    // The same on a restart (it takes its own lease back at once), different from other replicas.
    assertThat(e.settings().identity()).isEqualTo("serve-0:8081");
    assertThat(e.settings().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(e.settings().renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.settings().retryPeriod()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void everySetting_isRead() throws Exception {
    ServerRuntime.Election e =
        read(
            """
            clusters:
              - {name: prod, kubeconfig: kubeconfig}
              - {name: test, kubeconfig: kubeconfig}
            leaderElection:
              cluster: test
              namespace: cc
              name: my-lease
              identity: replica-a
              leaseDuration: 40s
              renewDeadline: 20s
              retryPeriod: 5s
            """);

    assertThat(e.cluster()).isEqualTo("test");
    assertThat(e.settings().namespace()).isEqualTo("cc");
    assertThat(e.settings().name()).isEqualTo("my-lease");
    assertThat(e.settings().identity()).isEqualTo("replica-a");
    assertThat(e.settings().leaseDuration()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void whatCannotWork_isRefused_namingTheKey() {
    assertThatThrownBy(() -> read("leaderElection: {}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("leaderElection")
        .hasMessageContaining("needs a configured cluster");
    String cluster = "clusters:\n  - {name: prod, kubeconfig: kubeconfig}\n";
    assertThatThrownBy(() -> read(cluster + "leaderElection: {cluster: nope}\n"))
        .hasMessageContaining("leaderElection.cluster")
        .hasMessageContaining("no cluster nope");
    assertThatThrownBy(() -> read(cluster + "leaderElection: {leaseDuraton: 10s}\n"))
        .hasMessageContaining("leaderElection.leaseDuraton: unknown key");
    assertThatThrownBy(() -> read(cluster + "leaderElection: {retryPeriod: soon}\n"))
        .hasMessageContaining("leaderElection.retryPeriod");
    assertThatThrownBy(
            () -> read(cluster + "leaderElection: {leaseDuration: 10s, renewDeadline: 10s}\n"))
        .hasMessageContaining("leaseDuration")
        .hasMessageContaining("renewDeadline");
  }
}
