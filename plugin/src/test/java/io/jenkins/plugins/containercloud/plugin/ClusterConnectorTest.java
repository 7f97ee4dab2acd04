package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterException;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link ClusterConnector} and {@link ConnectionTest} ("Test connection") against the
 * testbed's Kubernetes API server.
 */
class ClusterConnectorTest {

  @RegisterExtension static final KubeTestbed KUBE = new KubeTestbed();

  @Test
  void kubeconfigAsSecretFile_connectsToItsNamespace() throws Exception {
    ClusterSettings settings = new ClusterSettings("testbed", "kubeconfig");
    settings.setNamespace(KUBE.namespace());

    try (Cluster cluster = ClusterConnector.connect(settings, kubeconfigCredentials())) {
      assertThat(cluster.name()).isEqualTo("testbed");
      assertThat(cluster.defaultNamespace()).isEqualTo(KUBE.namespace());
      assertThat(cluster.serverVersion()).startsWith("v1.");
    }
  }

  @Test
  void testConnection_reportsTheServerVersion() throws Exception {
    ClusterSettings settings = new ClusterSettings("testbed", "kubeconfig");

    String report = ConnectionTest.run(settings, kubeconfigCredentials()).toString();

    assertThat(report)
        .startsWith("OK: Connected: Kubernetes v1.")
        .endsWith("default namespace default");
  }

  @Test
  void tokenAsSecretText_withTheCaCertificate_connects() {
    String token = serviceAccountToken("deployer", true);
    ClusterSettings settings = tokenSettings("token");

    try (Cluster cluster =
        ClusterConnector.connect(
            settings, TestCredentials.resolver(TestCredentials.secretText("token", token)))) {
      assertThat(cluster.defaultNamespace()).isEqualTo(KUBE.namespace());
    }
  }

  @Test
  void testConnection_saysPreciselyWhatFailed() {
    ClusterSettings refused = tokenSettings("token");
    String rejected =
        ConnectionTest.run(
                refused,
                TestCredentials.resolver(TestCredentials.secretText("token", "not-a-token")))
            .toString();
    assertThat(rejected).startsWith("ERROR: cluster testbed").contains("401 Unauthorized");

    ClusterSettings untrusted = tokenSettings("token");
    untrusted.setCaCertificate(null);
    String certificate =
        ConnectionTest.run(
                untrusted, TestCredentials.resolver(TestCredentials.secretText("token", "x")))
            .toString();
    assertThat(certificate)
        .contains("is not trusted")
        // form messages are HTML-escaped
        .contains("give the cluster&#039;s CA certificate");

    String forbidden =
        ConnectionTest.run(
                tokenSettings("token"),
                TestCredentials.resolver(
                    TestCredentials.secretText("token", serviceAccountToken("nobody", false))))
            .toString();
    assertThat(forbidden).contains("403 Forbidden");
  }

  @Test
  void unusableSettings_nameTheField() {
    ClusterSettings settings = new ClusterSettings("testbed", "missing");
    assertThatThrownBy(() -> ClusterConnector.connect(settings, TestCredentials.resolver()))
        .hasMessageStartingWith("cluster testbed: credentialsId: no credentials with id 'missing'");

    ClusterSettings wrongKind = new ClusterSettings("testbed", "login");
    assertThatThrownBy(
            () ->
                ClusterConnector.connect(
                    wrongKind,
                    TestCredentials.resolver(TestCredentials.usernamePassword("login", "u", "p"))))
        .hasMessageContaining("are neither a Secret file (kubeconfig) nor Secret text (token)");

    ClusterSettings noServer = new ClusterSettings("testbed", "token");
    assertThatThrownBy(
            () ->
                ClusterConnector.connect(
                    noServer, TestCredentials.resolver(TestCredentials.secretText("token", "t"))))
        .hasMessageStartingWith("cluster testbed: serverUrl: a token needs the API server's URL");
    assertThat(ConnectionTest.run(noServer, TestCredentials.resolver()).toString())
        .startsWith("ERROR: cluster testbed: credentialsId");
  }

  @Test
  void missingNamespace_isReported() throws Exception {
    ClusterSettings settings = new ClusterSettings("testbed", "kubeconfig");
    settings.setNamespace("no-such-namespace-here");
    assertThatThrownBy(() -> ClusterConnector.connect(settings, kubeconfigCredentials()))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("namespace no-such-namespace-here does not exist");
  }

  static CredentialResolver kubeconfigCredentials() throws Exception {
    return TestCredentials.resolver(
        TestCredentials.secretFile("kubeconfig", "config", Files.readAllBytes(KUBE.kubeconfig())));
  }

  private static ClusterSettings tokenSettings(String credentialsId) {
    Config config = KUBE.client().getConfiguration();
    ClusterSettings settings = new ClusterSettings("testbed", credentialsId);
    settings.setServerUrl(config.getMasterUrl());
    settings.setCaCertificate(
        new String(Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.UTF_8));
    settings.setNamespace(KUBE.namespace());
    return settings;
  }

  /** A token of a new service account, allowed to edit the test namespace when {@code edit}. */
  private static String serviceAccountToken(String name, boolean edit) {
    var client = KUBE.client();
    String namespace = KUBE.namespace();
    client
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
    if (edit) {
      client
          .rbac()
          .roleBindings()
          .inNamespace(namespace)
          .resource(
              new RoleBindingBuilder()
                  .withNewMetadata()
                  .withName(name + "-edit")
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "edit")
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName(name)
                  .withNamespace(namespace)
                  .endSubject()
                  .build())
          .serverSideApply();
    }
    return client
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(name)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }
}
