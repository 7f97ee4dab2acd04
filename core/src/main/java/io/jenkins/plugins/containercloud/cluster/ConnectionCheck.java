package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * Validates a new connection and turns fabric8's failures into messages that name the cause:
 * unreachable URL, untrusted certificate, refused credentials, missing namespace.
 */
final class ConnectionCheck {

  private final KubernetesClient client;
  private final ClusterConfig config;
  private final String url;

  ConnectionCheck(KubernetesClient client, ClusterConfig config, String url) {
    this.client = client;
    this.config = config;
    this.url = url;
  }

  String serverVersion() {
    try {
      return client.getKubernetesVersion().getGitVersion();
    } catch (KubernetesClientException e) {
      throw explain(e, "asking for the server version");
    }
  }

  void namespaceExists(String namespace) {
    try {
      if (client.namespaces().withName(namespace).get() == null) {
        throw new ClusterException(
            config + ": namespace " + namespace + " does not exist; create it or name another one");
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        // Credentials scoped to one namespace may not read Namespace objects; listing pods there
        // proves both that the namespace exists and that we may work in it.
        namespaceUsable(namespace);
        return;
      }
      throw explain(e, "reading namespace " + namespace);
    }
  }

  private void namespaceUsable(String namespace) {
    try {
      client.pods().inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L).build());
    } catch (KubernetesClientException e) {
      throw explain(e, "listing pods in namespace " + namespace);
    }
  }

  private ClusterException explain(KubernetesClientException e, String doing) {
    int code = e.getCode();
    if (code == 401) {
      return new ClusterException(
          config
              + ": the API server refused the credentials (401 Unauthorized) when "
              + doing
              + "; check the token or client certificate",
          e);
    }
    if (code == 403) {
      return new ClusterException(
          config
              + ": the credentials are not allowed to work here (403 Forbidden) when "
              + doing
              + ": "
              + e.getStatus().getMessage(),
          e);
    }
    Throwable cause = rootCause(e);
    if (cause instanceof SSLException || cause instanceof CertificateException) {
      return new ClusterException(
          config
              + ": the TLS certificate of "
              + url
              + " is not trusted ("
              + cause.getMessage()
              + "); give the cluster's CA certificate",
          e);
    }
    if (cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof HttpTimeoutException
        || cause instanceof java.net.SocketTimeoutException) {
      return new ClusterException(
          config
              + ": cannot reach the API server at "
              + url
              + " ("
              + unreachableWhy(cause)
              + "): check that the cluster runs and that the kubeconfig's server address is right",
          e);
    }
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : "HTTP " + code;
    return new ClusterException(
        config + ": the API server at " + url + " failed when " + doing + ": " + reason, e);
  }

  private static String unreachableWhy(Throwable cause) {
    if (cause instanceof UnknownHostException) {
      return "its host name does not resolve";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    return "no answer in time";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      if (cause instanceof SSLException || cause instanceof CertificateException) {
        return cause;
      }
      cause = cause.getCause();
    }
    return cause;
  }
}
