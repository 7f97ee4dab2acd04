package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Connections to the embedded H2 file, one operation at a time across processes: each borrow takes
 * the file's lock and opens the database, each release closes it (the last connection closes the
 * file, DB_CLOSE_DELAY=0) and lets the next process in. Nothing stays open between operations, so a
 * process that is killed, or that runs for hours beside others, keeps no one waiting.
 */
final class EmbeddedConnections implements Connections {

  private final HistoryDatabase database;
  private final EmbeddedFileLock lock;
  private final Map<Connection, EmbeddedFileLock.Held> held = new ConcurrentHashMap<>();

  EmbeddedConnections(HistoryDatabase database) {
    this.database = database;
    this.lock = new EmbeddedFileLock(database.lockFile(), database.lockTimeout());
  }

  @Override
  public Connection borrow() throws SQLException {
    EmbeddedFileLock.Held turn = lock.acquire();
    try {
      Connection connection = database.connect();
      held.put(connection, turn);
      return connection;
    } catch (SQLException | RuntimeException e) {
      turn.close();
      throw e;
    }
  }

  @Override
  public void release(Connection connection, boolean failed) {
    try {
      connection.close();
    } catch (SQLException e) {
      // A connection that cannot close cleanly still lets go of the file with its process.
    } finally {
      EmbeddedFileLock.Held turn = held.remove(connection);
      if (turn != null) {
        turn.close();
      }
    }
  }

  /** Plain connections, for Flyway while {@link HistoryStore#open} holds this process's turn. */
  @Override
  public DataSource dataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(database.rawUrl());
    dataSource.setUser("sa");
    dataSource.setPassword("");
    return dataSource;
  }

  @Override
  public void close() {
    // Nothing is kept open between operations.
  }
}
