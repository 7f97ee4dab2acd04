package io.jenkins.plugins.containercloud.image;

/**
 * The Docker daemon could not be reached or used at all (no socket, no permission, nothing
 * listening): a configuration problem, so nothing was built or pushed.
 */
public final class DockerDaemonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DockerDaemonException(String message, Throwable cause) {
    super(message, cause);
  }
}
