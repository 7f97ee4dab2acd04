package io.jenkins.plugins.containercloud.plugin.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.RegistrySettings;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry logins one step needs, resolved on the controller and sent to the agent: for each
 * registry host involved, the step's own credentials (for its image's registry) or the configured
 * registry's; and whether any of them may be reached over plain HTTP.
 */
final class RegistryLogins implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, Login> logins;
  private final boolean allowInsecure;

  private RegistryLogins(Map<String, Login> logins, boolean allowInsecure) {
    this.logins = logins;
    this.allowInsecure = allowInsecure;
  }

  /**
   * The logins for {@code hosts}: {@code explicitId} for {@code explicitHost}, the configured
   * registries' credentials for the others, anonymous where there are none. The step's id is looked
   * up as the build may use it ({@code credentials}); the configured ones as the system sees them
   * ({@code systemCredentials}), as the configuration page chose them.
   */
  static RegistryLogins resolve(
      Collection<String> hosts,
      String explicitHost,
      String explicitId,
      ContainerCloudConfiguration configuration,
      CredentialResolver credentials,
      CredentialResolver systemCredentials) {
    Map<String, Login> logins = new LinkedHashMap<>();
    boolean insecure = false;
    for (String host : hosts) {
      Optional<RegistrySettings> configured = configuration.registry(host);
      insecure |= configured.map(RegistrySettings::isInsecure).orElse(false);
      if (host.equals(explicitHost) && explicitId != null) {
        logins.put(host, login(credentials, "registryCredentialsId", explicitId));
      } else if (configured.isPresent() && configured.get().getCredentialsId() != null) {
        logins.put(
            host,
            login(
                systemCredentials,
                "registry " + host + " (global configuration): credentialsId",
                configured.get().getCredentialsId()));
      }
    }
    return new RegistryLogins(logins, insecure);
  }

  private static Login login(CredentialResolver credentials, String field, String id) {
    StandardUsernamePasswordCredentials found =
        credentials.require(
            field, id, StandardUsernamePasswordCredentials.class, "a username with password");
    return new Login(found.getUsername(), found.getPassword());
  }

  /** Where the engine finds these logins; anonymous for other registries. */
  CredentialSource source() {
    return host ->
        Optional.ofNullable(logins.get(host))
            .map(l -> RegistryCredentials.of(l.username(), l.password().getPlainText()));
  }

  boolean allowInsecure() {
    return allowInsecure;
  }

  /** A masker that knows every password here. */
  SecretMasker masker() {
    SecretMasker masker = new SecretMasker();
    logins.values().forEach(l -> masker.add(l.password().getPlainText()));
    return masker;
  }

  /** The registry hosts that have a login. */
  java.util.Set<String> hosts() {
    return logins.keySet();
  }

  /** One user and password. */
  record Login(String username, Secret password) implements Serializable {}
}
