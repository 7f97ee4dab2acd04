package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link SettingsChecks}. */
class SettingsChecksTest {

  @Test
  void clusterName_mustBeGiven_andPlain() {
    assertThat(SettingsChecks.clusterName("production-eu.1")).isEmpty();
    assertThat(SettingsChecks.clusterName(" "))
        .get()
        .asString()
        .startsWith("Give the cluster a name");
    assertThat(SettingsChecks.clusterName("prod cluster"))
        .get()
        .asString()
        .startsWith("Use letters");
  }

  @Test
  void serverUrl_isOptional_butAnHttpUrlWhenGiven() {
    assertThat(SettingsChecks.serverUrl(null)).isEmpty();
    assertThat(SettingsChecks.serverUrl("https://10.0.0.1:6443")).isEmpty();
    assertThat(SettingsChecks.serverUrl("10.0.0.1:6443"))
        .get()
        .asString()
        .startsWith("Give the API server as https://");
  }

  @Test
  void namespace_isAKubernetesName() {
    assertThat(SettingsChecks.namespace("apps-prod")).isEmpty();
    assertThat(SettingsChecks.namespace("Apps")).isPresent();
  }

  @Test
  void caCertificate_isPem() {
    assertThat(
            SettingsChecks.caCertificate(
                "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----"))
        .isEmpty();
    assertThat(SettingsChecks.caCertificate("MIIB..."))
        .get()
        .asString()
        .startsWith("Paste the certificate in PEM");
  }

  @Test
  void registryAddress_isHostAndPort_asReferencesWriteIt() {
    assertThat(SettingsChecks.registryAddress("registry.example.com")).isEmpty();
    assertThat(SettingsChecks.registryAddress("127.0.0.1:5000")).isEmpty();
    assertThat(SettingsChecks.registryAddress("localhost")).isEmpty();
    assertThat(SettingsChecks.registryAddress("https://registry.example.com"))
        .get()
        .asString()
        .startsWith("Give only HOST[:PORT]");
    assertThat(SettingsChecks.registryAddress("library"))
        .get()
        .asString()
        .contains("does not look like a registry host");
  }

  @Test
  void jdbcUrl_isPostgresOrH2_withoutAPassword() {
    assertThat(SettingsChecks.jdbcUrl("jdbc:postgresql://db:5432/cc")).isEmpty();
    assertThat(SettingsChecks.jdbcUrl("jdbc:mysql://db/cc"))
        .get()
        .asString()
        .startsWith("Use jdbc:postgresql://");
    assertThat(SettingsChecks.jdbcUrl("jdbc:postgresql://db/cc?password=x"))
        .get()
        .asString()
        .startsWith("Keep the password out of the URL");
  }
}
