package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a history database's schema up to date with Flyway. The migrations are {@code
 * V<n>__<table>.sql} files under {@link #LOCATION}, one per group of tables (deployments now;
 * webhook deliveries and scaling activity next), written in the SQL both H2 and PostgreSQL speak.
 */
final class Migrations {

  static final String LOCATION = "classpath:io/jenkins/plugins/containercloud/history/migration";

  /** Not Flyway's default name, so that a schema shared with other applications stays readable. */
  static final String TABLE = "container_cloud_schema_history";

  /**
   * The newest migration's version. {@code MigrationsTest} holds it to the scripts under {@link
   * #LOCATION}: a new script must raise it, or databases at the old version would not be migrated.
   */
  static final int CURRENT_VERSION = 6;

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void migrate(HistoryDatabase database, DataSource dataSource) {
    // Loading Flyway, scanning the class path for scripts and validating them takes longer than a
    // command such as `history --limit 1` itself: skipped when one query shows nothing to do.
    if (isCurrent(dataSource)) {
      return;
    }
    try {
      // Our class loader, not the thread's: inside Jenkins the plugin's loader holds the scripts
      // and Flyway's database plugins.
      MigrateResult result =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations(LOCATION)
              .table(TABLE)
              .failOnMissingLocations(true)
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info(
            "history database {} migrated to schema version {}",
            database,
            result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new HistoryOpenException(
          "cannot migrate the history database "
              + database
              + ": "
              + database.redactSecrets(e.getMessage()),
          e,
          false);
    }
  }

  /**
   * Whether every migration up to {@link #CURRENT_VERSION} is recorded as applied and none as
   * failed. Any doubt (no history table yet, an unreadable row) answers false, and Flyway decides.
   */
  static boolean isCurrent(DataSource dataSource) {
    Set<String> applied = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT \"version\", \"success\" FROM \"" + TABLE + "\"")) {
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        applied.add(rows.getString(1));
      }
    } catch (SQLException e) {
      return false;
    }
    for (int version = 1; version <= CURRENT_VERSION; version++) {
      if (!applied.contains(Integer.toString(version))) {
        return false;
      }
    }
    return true;
  }
}
