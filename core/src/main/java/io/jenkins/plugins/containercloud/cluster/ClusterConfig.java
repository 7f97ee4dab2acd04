package io.jenkins.plugins.containercloud.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one cluster: a kubeconfig file and context, an API server URL with a bearer token
 * and CA certificate, or the service account of the pod we run in. The token never appears in
 * {@link #toString()}.
 */
public final class ClusterConfig {

  /** Where the credentials come from. */
  public enum Source {
    KUBECONFIG,
    TOKEN,
    IN_CLUSTER
  }

  private final String name;
  private final Source source;
  private final Path kubeconfig;
  private final String context;
  private final URI server;
  private final String token;
  private final String caCertificatePem;
  private final String namespace;

  private ClusterConfig(
      String name,
      Source source,
      Path kubeconfig,
      String context,
      URI server,
      String token,
      String caCertificatePem,
      String namespace) {
    this.name = requireText(name, "cluster name");
    this.source = source;
    this.kubeconfig = kubeconfig;
    this.context = context;
    this.server = server;
    this.token = token;
    this.caCertificatePem = caCertificatePem;
    this.namespace = namespace;
  }

  /**
   * A cluster from a kubeconfig file; {@code context} and {@code namespace} may be null for the
   * file's current context and that context's namespace.
   */
  public static ClusterConfig kubeconfig(
      String name, Path kubeconfig, String context, String namespace) {
    Objects.requireNonNull(kubeconfig, "kubeconfig");
    return new ClusterConfig(
        name, Source.KUBECONFIG, kubeconfig, blankToNull(context), null, null, null, namespace);
  }

  /**
   * A cluster by API server URL and bearer token; {@code caCertificatePem} null trusts the JVM's
   * certificate authorities.
   */
  public static ClusterConfig token(
      String name, URI server, String token, String caCertificatePem, String namespace) {
    Objects.requireNonNull(server, "server");
    requireText(token, "token");
    return new ClusterConfig(
        name, Source.TOKEN, null, null, server, token, blankToNull(caCertificatePem), namespace);
  }

  /** The cluster this process runs in, through its pod's service account. */
  public static ClusterConfig inCluster(String name, String namespace) {
    return new ClusterConfig(name, Source.IN_CLUSTER, null, null, null, null, null, namespace);
  }

  public String name() {
    return name;
  }

  public Source source() {
    return source;
  }

  Path kubeconfigFile() {
    return kubeconfig;
  }

  String context() {
    return context;
  }

  URI server() {
    return server;
  }

  String token() {
    return token;
  }

  String caCertificatePem() {
    return caCertificatePem;
  }

  /** The namespace given explicitly, if any; the connection resolves the default otherwise. */
  public Optional<String> namespace() {
    return Optional.ofNullable(blankToNull(namespace));
  }

  @Override
  public String toString() {
    return switch (source) {
      case KUBECONFIG ->
          "cluster "
              + name
              + " (kubeconfig "
              + kubeconfig
              + (context == null ? "" : ", context " + context)
              + ")";
      case TOKEN -> "cluster " + name + " (" + server + ", bearer token)";
      case IN_CLUSTER -> "cluster " + name + " (in-cluster service account)";
    };
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
