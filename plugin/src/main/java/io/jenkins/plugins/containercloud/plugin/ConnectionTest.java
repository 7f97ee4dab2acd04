package io.jenkins.plugins.containercloud.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.containercloud.cluster.Cluster;

/**
 * "Test connection": connects once and reports the server's version, or exactly what failed, with
 * the secrets of the credentials it used masked (a server may echo one back).
 */
final class ConnectionTest {

  private ConnectionTest() {}

  static FormValidation run(ClusterSettings settings, CredentialResolver credentials) {
    SecretMasker masker = new SecretMasker();
    try (Cluster cluster = ClusterConnector.connect(settings, masker.recording(credentials))) {
      return FormValidation.ok(
          masker.mask(
              "Connected: Kubernetes "
                  + cluster.serverVersion()
                  + ", default namespace "
                  + cluster.defaultNamespace()));
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      return FormValidation.error(masker.mask(message));
    }
  }
}
