package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a few idle connections for reuse: opening one costs a PostgreSQL login (tens of
 * milliseconds with SCRAM) or, for H2, re-applying the URL's settings. A connection that saw an
 * error is closed rather than kept, and one idle for long is checked before reuse, so a restarted
 * server costs at most one failed operation (which the writer retries).
 */
final class ConnectionPool implements Connections {

  private static final int MAX_IDLE = 4;
  private static final long CHECK_AFTER_IDLE_NANOS = 30_000_000_000L;
  private static final int CHECK_TIMEOUT_SECONDS = 5;

  private final HistoryDatabase database;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private boolean closed;

  ConnectionPool(HistoryDatabase database) {
    this.database = database;
  }

  /** An idle connection, or a new one; in auto-commit mode and not read-only. */
  @Override
  public Connection borrow() throws SQLException {
    while (true) {
      Idle candidate;
      synchronized (this) {
        candidate = idle.pollLast();
      }
      if (candidate == null) {
        return database.connect();
      }
      if (System.nanoTime() - candidate.since < CHECK_AFTER_IDLE_NANOS
          || candidate.connection.isValid(CHECK_TIMEOUT_SECONDS)) {
        return candidate.connection;
      }
      closeQuietly(candidate.connection);
    }
  }

  /** Takes a connection back; closes it when it failed, cannot be reset, or enough are idle. */
  @Override
  public void release(Connection connection, boolean failed) {
    if (!failed) {
      try {
        if (!connection.getAutoCommit()) {
          connection.setAutoCommit(true);
        }
        if (connection.isReadOnly()) {
          connection.setReadOnly(false);
        }
        synchronized (this) {
          if (!closed && idle.size() < MAX_IDLE) {
            idle.addLast(new Idle(connection, System.nanoTime()));
            return;
          }
        }
      } catch (SQLException e) {
        // cannot be reset: closed below
      }
    }
    closeQuietly(connection);
  }

  /** Closes the idle connections; connections in use are closed when they come back. */
  @Override
  public void close() {
    Idle[] left;
    synchronized (this) {
      closed = true;
      left = idle.toArray(Idle[]::new);
      idle.clear();
    }
    for (Idle i : left) {
      closeQuietly(i.connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // it was broken already; nothing is lost by not closing it cleanly
    }
  }

  private record Idle(Connection connection, long since) {}
}
