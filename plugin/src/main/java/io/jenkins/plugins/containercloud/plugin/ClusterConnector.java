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
    // The engine reads a kubeconfig from a file: a private copy that lives as long as connecting.
    Path file = privateFile(settings);
    try {
      return Cluster.connect(config(settings, credentials, file));
    } finally {
      delete(file);
    }
  }

  /**
   * The engine's configuration of the cluster {@code settings} describe, for connecting later and
   * again (the dashboard reconnects after failures).
   *
   * @param kubeconfigFile where a kubeconfig's content is written (private to this user); the
   *     caller deletes it when it no longer connects
   * @throws IllegalArgumentException when the settings or credentials are unusable
   */
  public static ClusterConfig config(
      ClusterSettings settings, CredentialResolver credentials, Path kubeconfigFile) {
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
      return ClusterConfig.token(
          settings.getName(),
          URI.create(settings.getServerUrl()),
          token.getSecret().getPlainText(),
          settings.getCaCertificate(),
          settings.getNamespace());
    }
    if (found instanceof FileCredentials kubeconfig) {
      try (InputStream content = kubeconfig.getContent()) {
        Files.write(kubeconfigFile, content.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cluster " + settings.getName() + ": cannot read the kubeconfig credentials", e);
      }
      return ClusterConfig.kubeconfig(
          settings.getName(), kubeconfigFile, null, settings.getNamespace());
    }
    throw new IllegalArgumentException(
        field
            + ": the credentials '"
            + settings.getCredentialsId()
            + "' are neither a Secret file (kubeconfig) nor Secret text (token)");
  }

  /** An empty file only this user may read, in the temporary folder. */
  public static Path privateFile(ClusterSettings settings) {
    try {
      return Files.createTempFile(
          "container-cloud-kubeconfig",
          ".yaml",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cluster " + settings.getName() + ": cannot make a private file for its kubeconfig", e);
    }
  }

  /** Deletes a file {@link #privateFile} made. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the file is private to this user and in the temporary folder; nothing more to do
    }
  }
}
