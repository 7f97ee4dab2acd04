package io.jenkins.plugins.containercloud.scale;

/**
 * A provider refused or failed a call. {@link Kind} says what the autoscaler does about it: wait
 * and retry (throttled, transient), leave the pool alone for a while and try the next (capacity),
 * or report (invalid, other). The message never holds credentials or user data.
 */
public class ProviderException extends RuntimeException {

  /** What kind of failure, by what the caller should do. */
  public enum Kind {
    /** The provider asks us to slow down (EC2 RequestLimitExceeded): back off and retry. */
    THROTTLED,
    /** No capacity or a limit reached: mark the pool unavailable for a while, use the next. */
    CAPACITY,
    /** The request or the settings are wrong: retrying will not help. */
    INVALID,
    /** The call did not complete (timeout, connection): retry with the same key. */
    TRANSIENT,
    /** Anything else. */
    OTHER
  }

  private final String code;
  private final Kind kind;

  public ProviderException(String code, Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.kind = kind;
  }

  /** The provider's error code (EC2's {@code InsufficientInstanceCapacity}, ...). */
  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }
}
