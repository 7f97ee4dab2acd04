package io.jenkins.plugins.containercloud.registry;

/**
 * A registry operation that failed; carries the HTTP status (0 when no response came) and whether
 * trying again may help.
 */
public class RegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean transientFailure;

  public RegistryException(String message, int status, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.transientFailure = transientFailure;
  }

  /** A failure with a response: 5xx and 429 are transient, other statuses are not. */
  public static RegistryException forStatus(String message, int status) {
    return new RegistryException(message, status, status >= 500 || status == 429, null);
  }

  /** The HTTP status of the response, or 0 when the connection failed before one came. */
  public int status() {
    return status;
  }

  /** Whether the same request may succeed if tried again (server errors, resets, timeouts). */
  public boolean isTransient() {
    return transientFailure;
  }
}
