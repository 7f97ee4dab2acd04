package io.jenkins.plugins.containercloud.plugin;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.InvalidReferenceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of the global configuration's fields, as plain text: each answers the problem with a
 * value (naming the fix), or nothing when the value is fine. Forms and configuration loading use
 * the same checks.
 */
public final class SettingsChecks {

  private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*)?");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private SettingsChecks() {}

  /** A cluster's name, as steps refer to it. */
  public static Optional<String> clusterName(String value) {
    String name = Texts.trimToNull(value);
    if (name == null) {
      return Optional.of("Give the cluster a name; steps refer to it as cluster: 'NAME'");
    }
    if (name.length() > 253 || !CLUSTER_NAME.matcher(name).matches()) {
      return Optional.of(
          "Use letters, digits, '-', '_' and '.' (starting with a letter or digit), at most 253");
    }
    return Optional.empty();
  }

  /** The API server URL; optional (a kubeconfig names its own server). */
  public static Optional<String> serverUrl(String value) {
    String url = Texts.trimToNull(value);
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        return Optional.of(
            "Give the API server as https://HOST[:PORT], e.g. https://10.0.0.1:6443");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("Give the API server as https://HOST[:PORT], e.g. https://10.0.0.1:6443");
    }
  }

  /** A default namespace; optional. */
  public static Optional<String> namespace(String value) {
    String namespace = Texts.trimToNull(value);
    if (namespace == null) {
      return Optional.empty();
    }
    if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
      return Optional.of(
          "Not a Kubernetes namespace name: lower-case letters, digits and '-', at most 63");
    }
    return Optional.empty();
  }

  /** A CA certificate in PEM; optional. */
  public static Optional<String> caCertificate(String value) {
    String pem = Texts.trimToNull(value);
    if (pem == null) {
      return Optional.empty();
    }
    if (!pem.contains("-----BEGIN CERTIFICATE-----")
        || !pem.contains("-----END CERTIFICATE-----")) {
      return Optional.of(
          "Paste the certificate in PEM, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----");
    }
    return Optional.empty();
  }

  /** A credentials id that must be chosen. */
  public static Optional<String> requiredCredentials(String value, String what) {
    return Texts.trimToNull(value) == null ? Optional.of("Choose " + what) : Optional.empty();
  }

  /** A registry address: {@code HOST[:PORT]}, as it appears in image references. */
  public static Optional<String> registryAddress(String value) {
    String address = Texts.trimToNull(value);
    if (address == null) {
      return Optional.of("Give the registry as HOST[:PORT], e.g. registry.example.com:5000");
    }
    if (address.contains("://") || address.contains("/")) {
      return Optional.of(
          "Give only HOST[:PORT], as in image references: no scheme (https://) and no path");
    }
    try {
      ImageReference reference = ImageReference.parse(address + "/probe");
      if (!reference.registry().equalsIgnoreCase(address)) {
        return Optional.of(
            address
                + " does not look like a registry host (use a dot or a port, or localhost),"
                + " e.g. registry.example.com or 127.0.0.1:5000");
      }
      return Optional.empty();
    } catch (InvalidReferenceException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The history database's JDBC URL; blank means the embedded default. */
  public static Optional<String> jdbcUrl(String value) {
    String url = Texts.trimToNull(value);
    if (url == null) {
      return Optional.of(
          "Give a JDBC URL such as jdbc:postgresql://db.example.com:5432/containercloud");
    }
    if (!url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:h2:")) {
      return Optional.of("Use jdbc:postgresql://HOST:PORT/DATABASE (or a jdbc:h2: URL)");
    }
    if (url.matches("(?i).*(password|passwd|pwd)=.*")) {
      return Optional.of("Keep the password out of the URL; choose credentials instead");
    }
    return Optional.empty();
  }
}
