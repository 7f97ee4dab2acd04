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
          case EmbeddedFileLock.IN_USE ->
              "the H2 file is in use by another process that did not let go of it: stop that"
                  + " process, or point this one at another file";
          case EmbeddedFileLock.CANNOT_WRITE, "90028", "90031", "90062" ->
              "its folder or file cannot be created, read or written: check that the folder is a"
                  + " folder and that this user may write in it";
          case "90030", "90048" ->
              "the file is corrupt or not an H2 database: restore it from a backup, or move it"
                  + " away to start a new history (H2's Recover tool may save its data)";
          default -> "the database could not be opened";
        };
    return new HistoryOpenException(
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
