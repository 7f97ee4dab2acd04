package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;

/**
 * Tests for the descriptors of {@link ClusterSettings}, {@link RegistrySettings} and {@link
 * HistoryDatabaseSettings}.
 */
class SettingsDescriptorsTest {

  private final ClusterSettings.DescriptorImpl cluster = new ClusterSettings.DescriptorImpl();
  private final RegistrySettings.DescriptorImpl registry = new RegistrySettings.DescriptorImpl();
  private final HistoryDatabaseSettings.DescriptorImpl database =
      new HistoryDatabaseSettings.DescriptorImpl();

  @Test
  void describeTheirOwnClass_withReadableNames() {
    assertThat(cluster.clazz).isEqualTo(ClusterSettings.class);
    assertThat(cluster.getDisplayName()).isEqualTo("Kubernetes cluster");
    assertThat(registry.getDisplayName()).isEqualTo("Container registry");
    assertThat(database.getDisplayName()).isEqualTo("External history database");
  }

  @Test
  void clusterFields_areChecked() {
    assertThat(kindOf(cluster.doCheckName("prod"))).isEqualTo("OK");
    assertThat(cluster.doCheckName("").toString()).startsWith("ERROR: Give the cluster a name");
    assertThat(cluster.doCheckServerUrl("ftp://x").toString())
        .startsWith("ERROR: Give the API server");
    assertThat(cluster.doCheckCredentialsId(null).toString())
        .isEqualTo("ERROR: Choose a kubeconfig (Secret file) or a token (Secret text)");
    assertThat(cluster.doCheckNamespace("default").toString()).startsWith("OK");
    assertThat(cluster.doCheckCaCertificate("nope").toString()).startsWith("ERROR: Paste");
  }

  @Test
  void registryAndDatabaseFields_areChecked() {
    assertThat(registry.doCheckAddress("registry.example.com:5000").toString()).startsWith("OK");
    assertThat(registry.doCheckAddress("").toString()).startsWith("ERROR: Give the registry");
    assertThat(database.doCheckJdbcUrl("jdbc:postgresql://db/cc").toString()).startsWith("OK");
    assertThat(database.doCheckJdbcUrl("postgres://db").toString())
        .startsWith("ERROR: Use jdbc:postgresql");
  }

  /** Reads FormValidation's kind from its text, {@code KIND: message}. */
  private static String kindOf(FormValidation validation) {
    return validation.toString().split(":")[0];
  }
}
