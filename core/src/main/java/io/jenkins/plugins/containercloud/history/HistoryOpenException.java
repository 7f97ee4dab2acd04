package io.jenkins.plugins.containercloud.history;

/**
 * The history database could not be opened or brought up to date: nothing was written, and the
 * configuration or the machine (URL, credentials, file permissions, a corrupt file) needs fixing.
 */
public class HistoryOpenException extends HistoryException {

  private static final long serialVersionUID = 1L;

  public HistoryOpenException(String message, Throwable cause, boolean transientFailure) {
    super(message, cause, transientFailure);
  }
}
