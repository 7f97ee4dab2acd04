package io.jenkins.plugins.containercloud.history;

import java.sql.SQLException;

/** Turns a failed first connection into a message that says what is wrong and what to check. */
final class OpenFailure {

  private OpenFailure() {}

  static HistoryException of(HistoryDatabase database, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String detail =
        switch (state) {
          case "08001", "08004", "08006" ->
              "nothing answers there, or it refused the connection: start the database, or check"
                  + " the host and port of the URL";
          case "28P01", "28000" -> "the server refused the user or the password";
          case "3D000" -> "the database named in the URL does not exist: create it first";
          case "90020" ->
              "the H2 file is in use by another process: stop it, or point this one at another"
                  + " file";
          default -> "the database could not be opened";
        };
    return new HistoryException(
        "cannot open the history database "
            + database
            + ": "
            + detail
            + " ("
            + database.redactSecrets(driverMessage(e))
            + ")",
        e,
        HistoryException.isTransient(e));
  }

  /** The driver's message, and the root cause's when that says more (an unknown host). */
  private static String driverMessage(SQLException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + " " + root;
  }
}
