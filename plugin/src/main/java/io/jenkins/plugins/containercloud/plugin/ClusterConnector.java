package io.jenkins.plugins.containercloud.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Connects to a configured cluster: turns its settings and credentials into the engine's {@link
 * ClusterConfig} and connects (which validates server, certificate, credentials and namespace).
 */
public final class ClusterConnector {

  private ClusterConnector() {}

  /**
   * A validated connection to the cluster {@code settings} describe.
   *
   * @throws IllegalArgumentException when the settings or credentials are unusable
   * @throws io.jenkins.plugins.containercloud.cluster.ClusterException when the cluster is
   */
  public static Cluster connect(ClusterSettings settings, CredentialResolver credentials) {
    settings
        .problem()
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("cluster " + settings.getName() + ": " + p);
            });
    String field = "cluster " + settings.getName() + ": credentialsId";
    if (settings.getCredentialsId() == null) {
      throw new IllegalArgumentException(
          field + ": choose a kubeconfig (Secret file) or a token (Secret text)");
    }
    StandardCredentials found =
        credentials.require(
            field,
            settings.getCredentialsId(),
            StandardCredentials.class,
            "a Secret file or Secret text");
    if (found instanceof StringCredentials token) {
      if (settings.getServerUrl() == null) {
        throw new IllegalArgumentException(
            "cluster "
                + settings.getName()
                + ": serverUrl: a token needs the API server's URL, e.g. https://10.0.0.1:6443");
      }
      return Cluster.connect(
          ClusterConfig.token(
              settings.getName(),
              URI.create(settings.getServerUrl()),
              token.getSecret().getPlainText(),
              settings.getCaCertificate(),
              settings.getNamespace()));
    }
    if (found instanceof FileCredentials kubeconfig) {
      return connectWithKubeconfig(settings, kubeconfig);
    }
    throw new IllegalArgumentException(
        field
            + ": the credentials '"
            + settings.getCredentialsId()
            + "' are neither a Secret file (kubeconfig) nor Secret text (token)");
  }

  /** The engine reads the kubeconfig from a file, so it gets a private copy that lives briefly. */
  private static Cluster connectWithKubeconfig(
      ClusterSettings settings, FileCredentials kubeconfig) {
    Path file = null;
    try {
      file =
          Files.createTempFile(
              "container-cloud-kubeconfig",
              ".yaml",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (InputStream content = kubeconfig.getContent()) {
        Files.write(file, content.readAllBytes());
      }
      return Cluster.connect(
          ClusterConfig.kubeconfig(settings.getName(), file, null, settings.getNamespace()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cluster " + settings.getName() + ": cannot read the kubeconfig credentials", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // the file is private to this user and in the temporary folder; nothing more to do
        }
      }
    }
  }
}
