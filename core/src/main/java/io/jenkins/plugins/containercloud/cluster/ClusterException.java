package io.jenkins.plugins.containercloud.cluster;

/** A cluster could not be reached or used; the message says what failed and what to check. */
public class ClusterException extends RuntimeException {

  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
