package hudson;

import java.io.IOException;

/**
 * Compile-only declaration of Jenkins' {@code AbortException}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: an {@link IOException} with the message, as in Jenkins (which prints the
 * message of one without its stack trace).
 */
public class AbortException extends IOException {

  public AbortException(String message) {
    super(message);
  }
}
