package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryAddress;
import io.jenkins.plugins.containercloud.registry.RegistryClient;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import io.jenkins.plugins.containercloud.webhook.DigestResolver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pins a pushed tag to its digest by asking its registry (Docker Hub sends no digest), with the
 * server's configured registry logins.
 */
final class RegistryDigests implements DigestResolver {

  private final CredentialSource credentials;

  RegistryDigests(List<ServerConfig.RegistryLogin> logins) {
    this.credentials = credentials(logins);
  }

  /** The configured logins, by registry host (also what code-push builds push with). */
  static CredentialSource credentials(List<ServerConfig.RegistryLogin> logins) {
    return registry ->
        logins.stream()
            .filter(l -> l.host().equals(registry))
            .findFirst()
            .map(l -> RegistryCredentials.of(l.username(), l.password()))
            .or(Optional::empty);
  }

  @Override
  public String pin(String reference) {
    ImageReference image = ImageReference.parse(reference);
    try (RegistryClient client =
        RegistryClient.builder(RegistryAddress.of(image.registry(), false))
            .credentials(credentials)
            .timeout(Duration.ofSeconds(20))
            .build()) {
      return client.resolve(image).pinned().toString();
    }
  }
}
