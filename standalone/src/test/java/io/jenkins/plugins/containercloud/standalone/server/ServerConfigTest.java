package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's YAML configuration: validated whole, every refusal naming the key and the fix. */
class ServerConfigTest {

  @TempDir Path directory;

  @Test
  void aCompleteConfigurationIsRead_secretsFromFilesAndTheEnvironment() throws IOException {
    Files.writeString(directory.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
    Files.writeString(directory.resolve("token"), "s3cret-token\n");
    ServerConfig config =
        read(
            """
        server: {host: 0.0.0.0, port: 9090, sessionKey: {env: SESSION_KEY}}
        clusters:
          - {name: prod, kubeconfig: kubeconfig, context: prod-admin, namespace: shop}
          - {name: edge, server: "https://10.0.0.1:6443", token: {file: token}}
        history: {url: "jdbc:postgresql://db:5432/cc", user: cc, password: {env: DB_PASSWORD}}
        registries:
          - {host: registry.example.com, username: ci, password: {env: REGISTRY_PASSWORD}}
        users:
          - {name: alice, role: deployer, password: {env: ALICE_PASSWORD}}
        apiTokens:
          - {name: ci, role: deployer, token: {file: token}}
        """,
            Map.of(
                "SESSION_KEY",
                "k",
                "DB_PASSWORD",
                "db",
                "REGISTRY_PASSWORD",
                "r",
                "ALICE_PASSWORD",
                "a"));
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.clusters()).extracting(c -> c.name()).containsExactly("prod", "edge");
    assertThat(config.historyPassword()).isEqualTo("db");
    assertThat(config.users().get(0).role()).isEqualTo(Role.DEPLOYER);
    assertThat(PasswordHash.matches("a".toCharArray(), config.users().get(0).passwordHash()))
        .isTrue();
    assertThat(config.tokens().get(0).tokenHash())
        .isEqualTo(PasswordHash.tokenHash("s3cret-token"));
    assertThat(config.toString()).doesNotContain("db", "s3cret");
    assertThat(config.registries().get(0).toString()).doesNotContain("r]");
  }

  @Test
  void anUnknownKeyIsRefusedWithItsPathAndTheKnownKeys() {
    assertRefused(
        "clusters:\n  - {name: a, kubeconfg: x}\n",
        "clusters[0].kubeconfg: unknown key; the keys here are");
    assertRefused("sever: {port: 1}\n", "sever: unknown key");
  }

  @Test
  void aWrongTypeAMissingFileAndABadRoleAreRefused() {
    assertRefused(
        "server: {port: eighty}\n", "server.port: must be a whole number from 0 to 65535");
    assertRefused(
        "clusters:\n  - {name: a, kubeconfig: missing.yaml}\n",
        "clusters[0].kubeconfig: no such file: missing.yaml");
    assertRefused(
        "users:\n  - {name: bob, role: god, passwordHash: x}\n",
        "users[0].role: 'god' is not a role");
    assertRefused("clusters:\n  - {name: Prod!, inCluster: true}\n", "clusters[0].name");
  }

  @Test
  void aSecretWrittenInlineIsRefused() {
    assertRefused(
        "users:\n  - {name: bob, role: viewer, password: hunter2}\n",
        "users[0].password: give the secret by reference, {env: VARIABLE} or {file: PATH}, never inline");
    assertRefused(
        "apiTokens:\n  - {name: ci, role: viewer, token: {env: NOT_SET}}\n",
        "apiTokens[0].token.env: the environment variable NOT_SET is not set");
  }

  @Test
  void theEnvironmentOverridesWhereTheServerListensAndItsDatabase() throws IOException {
    ServerConfig config =
        read(
            "server: {port: 9090}\n",
            Map.of("CONTAINER_CLOUD_PORT", "7070", "CONTAINER_CLOUD_DB", "jdbc:postgresql://x/y"));
    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.historyUrl()).isEqualTo("jdbc:postgresql://x/y");
    assertThat(ServerConfig.defaults(Map.of()).host()).isEqualTo("127.0.0.1");
  }

  private void assertRefused(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  private ServerConfig read(String yaml, Map<String, String> environment) throws IOException {
    Path file = directory.resolve("server.yaml");
    Files.writeString(file, yaml);
    return ServerConfig.read(file, environment);
  }
}
