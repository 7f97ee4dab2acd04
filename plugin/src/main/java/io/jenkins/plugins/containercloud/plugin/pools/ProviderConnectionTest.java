package io.jenkins.plugins.containercloud.plugin.pools;

import hudson.util.FormValidation;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.scale.Machine;
import io.jenkins.plugins.containercloud.scale.NodeProvider;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import io.jenkins.plugins.containercloud.scale.ProviderException;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import java.util.List;

/**
 * A provider's "Test connection": checks its settings as the engine will ({@link
 * NodeProviders#validate}), then makes one listing call with its credentials, and says in words
 * what failed; the credentials' secrets are masked out of whatever the IaaS answered.
 */
public final class ProviderConnectionTest {

  /** The pool name the listing asks for: none has it, so the call only proves access. */
  static final String PROBE_POOL = "connection-test";

  private ProviderConnectionTest() {}

  public static FormValidation run(PoolProvider provider, CredentialResolver credentials) {
    SecretMasker masker = new SecretMasker();
    try (SecretFiles secrets = new SecretFiles()) {
      ProviderSettings settings = provider.settings(masker.recording(credentials), secrets);
      NodeProviders.validate(settings);
      try (NodeProvider connected = NodeProviders.of(settings, "container-cloud/connection-test")) {
        List<Machine> machines = connected.listOwned(PROBE_POOL);
        return FormValidation.ok(
            masker.mask(
                "Connected to "
                    + provider.type()
                    + ": the machines could be listed ("
                    + machines.size()
                    + " of a test pool)"));
      }
    } catch (ProviderException e) {
      return FormValidation.error(
          masker.mask(
              "The "
                  + provider.type()
                  + " API refused: "
                  + e.getMessage()
                  + " ("
                  + e.code()
                  + "); check the credentials, the endpoint and the region or zone"));
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return FormValidation.error(masker.mask(message));
    }
  }
}
