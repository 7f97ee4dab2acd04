package io.jenkins.plugins.containercloud.history;

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

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void migrate(HistoryDatabase database, DataSource dataSource) {
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
}
