package io.jenkins.plugins.containercloud.registry;

import java.util.Optional;

/** Finds the credentials to use for a registry host, e.g. {@code 127.0.0.1:5001}. */
@FunctionalInterface
public interface CredentialSource {

  /** No credentials anywhere: anonymous access. */
  CredentialSource ANONYMOUS = registry -> Optional.empty();

  /** The credentials for a registry host, if this source has some. */
  Optional<RegistryCredentials> find(String registry);

  /** The same credentials for every registry. */
  static CredentialSource fixed(RegistryCredentials credentials) {
    return registry -> Optional.of(credentials);
  }

  /** This source, or {@code next} where this one has nothing. */
  default CredentialSource orElse(CredentialSource next) {
    return registry -> {
      Optional<RegistryCredentials> found = find(registry);
      return found.isPresent() ? found : next.find(registry);
    };
  }
}
