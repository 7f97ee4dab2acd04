package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Connections to the embedded H2 file, one operation at a time across processes: each borrow is a
 * turn on the file ({@link EmbeddedFile}), which stays open while operations follow each other and
 * is closed when they stop for a moment or another process waits for it. Nothing stays open for
 * long, so a process that is killed, or that runs for hours beside others, keeps no one waiting.
 */
final class EmbeddedConnections implements Connections {

  /** How long closing the store waits for an operation of another thread to end. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final HistoryDatabase database;
  private final EmbeddedFile file;

  EmbeddedConnections(HistoryDatabase database) {
    this.database = database;
    this.file = EmbeddedFile.of(database.lockFile());
  }

  @Override
  public Connection borrow() throws SQLException {
    return file.borrow(database);
  }

  @Override
  public void release(Connection connection, boolean failed) {
    file.release(connection, failed);
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

  /** Closes the file now, so that other processes need not wait for it to go idle. */
  @Override
  public void close() {
    file.close(CLOSE_WAIT);
  }
}
