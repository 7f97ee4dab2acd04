package io.jenkins.plugins.containercloud.history;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A history operation that failed; says whether trying again may help (the database was unreachable
 * or busy) or not (the data or the schema is wrong).
 */
public class HistoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(HistoryException.class);

  private final boolean transientFailure;

  public HistoryException(String message, Throwable cause, boolean transientFailure) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  /** A failed statement: {@code what} names the operation and its deployment. */
  static HistoryException of(String what, SQLException e) {
    LOG.debug("{} failed", what, e);
    return new HistoryException(what + " failed: " + SqlFailure.describe(e), e, isTransient(e));
  }

  /**
   * Data errors (class 22), constraint violations (23) and syntax or access errors (42) fail the
   * same way every time. Anything else (a refused or broken connection, a lock timeout, a database
   * being shut down or in use by another process) may pass later, so it is transient.
   */
  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    if (state == null || state.length() < 2) {
      return true;
    }
    return switch (state.substring(0, 2)) {
      case "22", "23", "42" -> false;
      default -> true;
    };
  }

  /** Whether the same operation may succeed if tried again. */
  public boolean isTransient() {
    return transientFailure;
  }
}
