package io.jenkins.plugins.containercloud.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own in the testbed's PostgreSQL database, dropped with everything in it on {@link
 * #close()}: tests that share the database never see each other's tables.
 */
public final class PostgresSchema implements AutoCloseable {

  private final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  /** Creates a schema with a fresh name. */
  public static PostgresSchema create() throws SQLException {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE SCHEMA " + name);
    return new PostgresSchema(name);
  }

  public String name() {
    return name;
  }

  /** The testbed's URL with this schema as the connections' current schema. */
  public String url() {
    return withParameter(Testbed.postgresUrl(), "currentSchema=" + name);
  }

  /** {@code url} with one more query parameter. */
  public static String withParameter(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                Testbed.postgresUrl(), Testbed.postgresUser(), Testbed.postgresPassword());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
