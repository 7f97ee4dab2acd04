package io.jenkins.plugins.containercloud.history;

import java.sql.SQLException;

/**
 * Tells why a history statement failed in words a user can act on, from the SQL state that both H2
 * and PostgreSQL set (their own message text goes to the debug log only).
 */
final class SqlFailure {

  private SqlFailure() {}

  /** E.g. "the history database stopped answering (SQL state 08006): check that it runs…". */
  static String describe(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return why(state) + " (SQL state " + (state.isEmpty() ? "unknown" : state) + ")";
  }

  private static String why(String state) {
    switch (state) {
      case "90020", "90098", "90121", "90067" -> {
        return "the history database was closed or lost its connection: check that nothing else"
            + " stopped it, and run the command again";
      }
      case "90097", "25006" -> {
        return "the history database is read-only: check the permissions of its file, or the"
            + " database user's rights";
      }
      case "HYT00", "55P03" -> {
        return "the history database was busy (a lock was held too long by another writer): run"
            + " the command again";
      }
      default -> {
        // fall through to the SQL state's class
      }
    }
    String kind = state.length() < 2 ? "" : state.substring(0, 2);
    return switch (kind) {
      case "08" ->
          "the history database stopped answering or refused the connection: check that it runs"
              + " and is reachable";
      case "40" ->
          "the history database cancelled the transaction because of a conflicting one: run the"
              + " command again";
      case "53" ->
          "the history database ran out of resources (disk space, memory or connections): free"
              + " some, or raise its limits";
      case "57" -> "the history database was shut down or cancelled the statement: start it again";
      case "42" ->
          "the history database's tables are not what this version expects (dropped, renamed, or"
              + " no access): restore them, or let this version migrate a fresh database";
      case "22", "23" ->
          "the history database refused the data: please report this with the debug log"
              + " (-Dorg.slf4j.simpleLogger.defaultLogLevel=debug)";
      default ->
          "the history database reported an error: the debug log"
              + " (-Dorg.slf4j.simpleLogger.defaultLogLevel=debug) has its own words";
    };
  }
}
