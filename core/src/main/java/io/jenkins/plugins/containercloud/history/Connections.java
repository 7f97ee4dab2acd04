package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Where a store's operations get a connection, and how they give it back. */
interface Connections extends AutoCloseable {

  /** A connection in auto-commit mode, not read-only, for this thread alone. */
  Connection borrow() throws SQLException;

  /** Gives a borrowed connection back; {@code failed} when it saw an error. */
  void release(Connection connection, boolean failed);

  /** The same connections as a {@link DataSource}, for Flyway. */
  DataSource dataSource();

  /** Lets go of every idle connection; connections in use are closed as they come back. */
  @Override
  void close();

  /** One turn at a time on an embedded file; a pool for a database server. */
  static Connections of(HistoryDatabase database) throws SQLException {
    return database.isEmbedded()
        ? new EmbeddedConnections(database)
        : new PooledConnections(database);
  }
}
