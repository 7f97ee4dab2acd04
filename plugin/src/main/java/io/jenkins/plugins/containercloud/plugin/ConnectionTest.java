package io.jenkins.plugins.containercloud.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterException;
import java.io.UncheckedIOException;

/** "Test connection": connects once and reports the server's version, or exactly what failed. */
final class ConnectionTest {

  private ConnectionTest() {}

  static FormValidation run(ClusterSettings settings, CredentialResolver credentials) {
    try (Cluster cluster = ClusterConnector.connect(settings, credentials)) {
      return FormValidation.ok(
          "Connected: Kubernetes "
              + cluster.serverVersion()
              + ", default namespace "
              + cluster.defaultNamespace());
    } catch (ClusterException | IllegalArgumentException | UncheckedIOException e) {
      return FormValidation.error(e.getMessage());
    }
  }
}
