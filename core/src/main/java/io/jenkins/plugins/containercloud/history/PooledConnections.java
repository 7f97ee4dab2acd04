package io.jenkins.plugins.containercloud.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections to a database server from a HikariCP pool: a PostgreSQL login costs tens of
 * milliseconds with SCRAM, so connections are kept for reuse; one idle for a while is checked
 * before it is handed out, and one that saw a connection error is dropped, so a restarted server
 * costs at most the operation that met it (which the writer retries).
 */
final class PooledConnections implements Connections {

  private static final int MAX_CONNECTIONS = 8;

  /**
   * Hikari waits this long for a connection even when the server refuses at once; a failed write is
   * retried by the writer, so waiting longer only delays the retries.
   */
  private static final long WAIT_FOR_CONNECTION_MILLIS = 3_000;

  private static final int CHECK_TIMEOUT_SECONDS = 2;

  private final HikariDataSource pool;

  /** Connects once (so that a wrong URL or password fails here, with its SQL state). */
  PooledConnections(HistoryDatabase database) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("container-cloud-history");
    config.setJdbcUrl(database.rawUrl());
    config.setDriverClassName(database.driverClassName());
    config.setDataSourceProperties(database.driverProperties());
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(WAIT_FOR_CONNECTION_MILLIS);
    try {
      this.pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      throw new SQLException(e.getMessage(), "08001", e);
    }
  }

  @Override
  public Connection borrow() throws SQLException {
    return pool.getConnection();
  }

  /**
   * Hikari resets what the operation changed and drops a connection whose error was fatal. When a
   * failed connection is dead, the idle ones (used a moment ago, so Hikari would not check them)
   * most likely died with it, in a server restart or a cut network: they are replaced too.
   */
  @Override
  public void release(Connection connection, boolean failed) {
    boolean dead = failed && !isValid(connection);
    try {
      connection.close();
    } catch (SQLException e) {
      // the pool has dropped it
    }
    if (dead) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
  }

  private static boolean isValid(Connection connection) {
    try {
      return connection.isValid(CHECK_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
