package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.ContainerCloud;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.DockerConfigCredentials;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that talks to a registry or the daemon: credentials, insecure
 * registries and the daemon address.
 */
final class RegistryOptions {

  static final String USERNAME_ENV = "CONTAINER_CLOUD_REGISTRY_USERNAME";
  static final String PASSWORD_ENV = "CONTAINER_CLOUD_REGISTRY_PASSWORD";

  @Option(
      names = "--registry-username",
      paramLabel = "USER",
      description =
          "User for the target registry (else $" + USERNAME_ENV + ", else docker config.json).")
  String username;

  @Option(
      names = "--registry-password-stdin",
      description = "Read the registry password or token from standard input.")
  boolean passwordFromStdin;

  @Option(
      names = "--allow-insecure",
      description = "Allow plain HTTP to registries that are not on loopback.")
  boolean allowInsecure;

  @Option(
      names = "--docker-host",
      paramLabel = "URL",
      description = "Docker daemon address (default: $DOCKER_HOST, else the local socket).")
  String dockerHost;

  /**
   * The façade configured with these options; explicit credentials apply to {@code registry} only.
   */
  ContainerCloud containerCloud(String registry, InputStream stdin, Map<String, String> env) {
    CredentialSource docker = DockerConfigCredentials.fromEnvironment();
    CredentialSource credentials =
        explicitCredentials(stdin, env)
            .<CredentialSource>map(
                c -> host -> host.equals(registry) ? Optional.of(c) : Optional.empty())
            .map(explicit -> explicit.orElse(docker))
            .orElse(docker);
    return ContainerCloud.builder()
        .dockerHost(dockerHost != null ? dockerHost : env.get("DOCKER_HOST"))
        .credentials(credentials)
        .allowInsecure(allowInsecure)
        .build();
  }

  private Optional<RegistryCredentials> explicitCredentials(
      InputStream stdin, Map<String, String> env) {
    String user = username != null ? username : env.get(USERNAME_ENV);
    String password = passwordFromStdin ? readPassword(stdin) : env.get(PASSWORD_ENV);
    if (user == null && password == null) {
      return Optional.empty();
    }
    if (user == null) {
      throw new IllegalArgumentException(
          "--registry-username: a password was given without a user; add --registry-username or $"
              + USERNAME_ENV);
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "--registry-password-stdin: no password for user "
              + user
              + "; pipe it in or set $"
              + PASSWORD_ENV);
    }
    return Optional.of(RegistryCredentials.of(user, password));
  }

  private static String readPassword(InputStream stdin) {
    try {
      String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      return text.endsWith("\r\n")
          ? text.substring(0, text.length() - 2)
          : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the password from standard input", e);
    }
  }
}
