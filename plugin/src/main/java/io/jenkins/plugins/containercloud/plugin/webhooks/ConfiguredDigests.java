package io.jenkins.plugins.containercloud.plugin.webhooks;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.RegistrySettings;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryAddress;
import io.jenkins.plugins.containercloud.registry.RegistryClient;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import io.jenkins.plugins.containercloud.webhook.DigestResolver;
import java.time.Duration;
import java.util.Optional;

/**
 * Pins a pushed tag to its digest by asking its registry (Docker Hub sends no digest), with the
 * credentials and plain-HTTP setting of the registry entry the global configuration has for it.
 */
final class ConfiguredDigests implements DigestResolver {

  private final ContainerCloudConfiguration configuration;
  private final CredentialResolver credentials;

  ConfiguredDigests(ContainerCloudConfiguration configuration, CredentialResolver credentials) {
    this.configuration = configuration;
    this.credentials = credentials;
  }

  @Override
  public String pin(String reference) {
    ImageReference image = ImageReference.parse(reference);
    Optional<RegistrySettings> entry = configuration.registry(image.registry());
    try (RegistryClient client =
        RegistryClient.builder(
                RegistryAddress.of(
                    image.registry(), entry.map(RegistrySettings::isInsecure).orElse(false)))
            .credentials(host -> login(entry))
            .timeout(Duration.ofSeconds(20))
            .build()) {
      return client.resolve(image).toString();
    }
  }

  private Optional<RegistryCredentials> login(Optional<RegistrySettings> entry) {
    if (entry.isEmpty() || entry.get().getCredentialsId() == null) {
      return Optional.empty();
    }
    StandardUsernamePasswordCredentials login =
        credentials.require(
            "registry " + entry.get().getAddress() + ": credentialsId",
            entry.get().getCredentialsId(),
            StandardUsernamePasswordCredentials.class,
            "a username with password");
    return Optional.of(
        RegistryCredentials.of(login.getUsername(), login.getPassword().getPlainText()));
  }
}
