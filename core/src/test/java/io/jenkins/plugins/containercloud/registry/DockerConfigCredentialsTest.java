package io.jenkins.plugins.containercloud.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link DockerConfigCredentials}. */
class DockerConfigCredentialsTest {

  @TempDir Path dir;

  @Test
  void find_decodesInlineAuthEntries() throws IOException {
    String auth =
        Base64.getEncoder()
            .encodeToString("ci:s3cret:with:colons".getBytes(StandardCharsets.UTF_8));
    Path config = write("{\"auths\":{\"127.0.0.1:5001\":{\"auth\":\"" + auth + "\"}}}");

    RegistryCredentials found =
        DockerConfigCredentials.load(config).find("127.0.0.1:5001").orElseThrow();

    assertThat(found.username()).isEqualTo("ci");
    assertThat(found.secret()).isEqualTo("s3cret:with:colons");
    assertThat(found).hasToString("user ci");
  }

  @Test
  void find_acceptsUrlKeysAndDockerHubsLegacyKey() throws IOException {
    Path config =
        write(
            "{\"auths\":{\"https://registry.example.com\":{\"username\":\"u\",\"password\":\"p\"},"
                + "\"https://index.docker.io/v1/\":{\"identitytoken\":\"refresh\"}}}");
    DockerConfigCredentials credentials = DockerConfigCredentials.load(config);

    assertThat(credentials.find("registry.example.com"))
        .map(RegistryCredentials::username)
        .contains("u");
    RegistryCredentials hub = credentials.find("docker.io").orElseThrow();
    assertThat(hub.isIdentityToken()).isTrue();
    assertThat(hub.secret()).isEqualTo("refresh");
    assertThat(credentials.find("other.example.com")).isEmpty();
  }

  @Test
  void find_runsThePerRegistryHelperFirst() throws IOException {
    helper(
        "pass",
        "{\"ServerURL\":\"x\",\"Username\":\"helper-user\",\"Secret\":\"helper-secret\"}",
        0);
    Path config =
        write(
            "{\"credHelpers\":{\"127.0.0.1:5001\":\"pass\"},"
                + "\"auths\":{\"127.0.0.1:5001\":{\"username\":\"inline\",\"password\":\"p\"}}}");

    RegistryCredentials found =
        DockerConfigCredentials.load(config, dir).find("127.0.0.1:5001").orElseThrow();

    assertThat(found.username()).isEqualTo("helper-user");
    assertThat(found.secret()).isEqualTo("helper-secret");
    assertThat(Files.readString(dir.resolve("stdin-pass"))).isEqualTo("127.0.0.1:5001");
  }

  @Test
  void find_fallsBackToTheDefaultStore_andReadsIdentityTokens() throws IOException {
    helper(
        "store", "{\"ServerURL\":\"x\",\"Username\":\"<token>\",\"Secret\":\"refresh-token\"}", 0);
    Path config = write("{\"credsStore\":\"store\"}");

    RegistryCredentials found =
        DockerConfigCredentials.load(config, dir).find("registry.example.com").orElseThrow();

    assertThat(found.isIdentityToken()).isTrue();
    assertThat(found.secret()).isEqualTo("refresh-token");
  }

  @Test
  void find_treatsAHelperThatFindsNothingAsNoCredentials() throws IOException {
    helper("empty", "credentials not found in native keychain", 1);
    Path config = write("{\"credsStore\":\"empty\"}");

    assertThat(DockerConfigCredentials.load(config, dir).find("registry.example.com")).isEmpty();
  }

  @Test
  void find_neverQuotesTheHelpersOutputInErrors() throws IOException {
    helper("broken", "not json but secret-value", 0);
    Path config = write("{\"credsStore\":\"broken\"}");

    assertThatThrownBy(() -> DockerConfigCredentials.load(config, dir).find("registry.example.com"))
        .hasMessageContaining("docker-credential-broken")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void load_reportsInvalidJsonWithThePath() throws IOException {
    Path config = write("{not json");

    assertThatThrownBy(() -> DockerConfigCredentials.load(config))
        .hasMessageContaining(config.toString())
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void load_ofAMissingFileFindsNothing() {
    assertThat(DockerConfigCredentials.load(dir.resolve("absent.json")).find("docker.io"))
        .isEmpty();
  }

  @Test
  void find_rejectsAnAuthEntryWithoutAColon() throws IOException {
    String auth = Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8));
    Path config = write("{\"auths\":{\"r.example.com\":{\"auth\":\"" + auth + "\"}}}");

    assertThatThrownBy(() -> DockerConfigCredentials.load(config).find("r.example.com"))
        .hasMessageContaining("not base64(user:password)")
        .hasMessageNotContaining("nocolon");
  }

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("config.json"), json);
  }

  /** A credential helper script that records its standard input and prints a fixed answer. */
  private void helper(String name, String output, int exitCode) throws IOException {
    Path script = dir.resolve("docker-credential-" + name);
    Files.writeString(
        script,
        "#!/bin/sh\n[ \"$1\" = get ] || exit 3\ncat > '"
            + dir.resolve("stdin-" + name)
            + "'\nprintf '%s' '"
            + output
            + "'\nexit "
            + exitCode
            + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
  }
}
