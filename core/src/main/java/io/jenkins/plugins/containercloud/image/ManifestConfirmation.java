package io.jenkins.plugins.containercloud.image;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryAddress;
import io.jenkins.plugins.containercloud.registry.RegistryClient;
import io.jenkins.plugins.containercloud.registry.RetryPolicy;

/** Confirms a push the way a user would: HEAD the manifest and pin the reference by its digest. */
final class ManifestConfirmation {

  private final CredentialSource credentials;
  private final RetryPolicy retry;
  private final boolean allowInsecure;

  ManifestConfirmation(CredentialSource credentials, RetryPolicy retry, boolean allowInsecure) {
    this.credentials = credentials;
    this.retry = retry;
    this.allowInsecure = allowInsecure;
  }

  ImageReference confirm(ImageReference reference, ProgressListener progress) {
    try (RegistryClient client =
        RegistryClient.builder(RegistryAddress.of(reference.registry(), allowInsecure))
            .credentials(credentials)
            .retry(retry, notice -> progress.progress("Manifest check: " + notice.describe()))
            .build()) {
      ImageReference pinned = client.resolve(reference);
      progress.progress("Pushed " + pinned);
      return pinned;
    }
  }
}
