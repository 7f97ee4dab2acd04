package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A cluster could not be reached or used; the message says what failed and what to check. */
public class ClusterException extends RuntimeException {

  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * One short clause for a failure from the API server: its status code and message when it
   * answered, else the exception's own message, never fabric8's request dump.
   */
  public static String describe(Throwable failure) {
    if (failure instanceof KubernetesClientException k && k.getCode() > 0) {
      String message = k.getStatus() == null ? null : k.getStatus().getMessage();
      return "the API server answered "
          + k.getCode()
          + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
    return String.valueOf(failure.getMessage());
  }
}
