package io.jenkins.plugins.containercloud.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link Migrations}: rows written by an older schema brought up to date, and the check
 * that skips Flyway when there is nothing to do.
 */
class MigrationsTest {

  @TempDir Path dir;

  @Test
  void v2_fillsTheRequestedImage_whereTheOldRowsStillHoldIt() throws Exception {
    HistoryDatabase database = HistoryDatabase.h2File(dir.resolve("history"));
    migrateTo(database, "1");
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      insertV1(statement, "11111111-1111-4111-8111-111111111111", "SUCCEEDED", "web:2");
      // Rolled back: image_after was replaced by the image it went back to.
      insertV1(statement, "22222222-2222-4222-8222-222222222222", "ROLLED_BACK", "web:1");
    }

    try (HistoryStore store = HistoryStore.open(database)) {
      assertThat(store.find("11111111-1111-4111-8111-111111111111").orElseThrow().imageRequested())
          .isEqualTo("web:2");
      assertThat(store.find("22222222-2222-4222-8222-222222222222").orElseThrow().imageRequested())
          .isNull();
    }
  }

  @Test
  void currentVersion_isTheNewestScript() throws Exception {
    Path scripts =
        Path.of(Migrations.class.getResource("/" + Migrations.LOCATION.substring(10)).toURI());
    int newest;
    try (Stream<Path> files = Files.list(scripts)) {
      newest =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.matches("V\\d+__.*\\.sql"))
              .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
              .max()
              .orElseThrow();
    }
    assertThat(Migrations.CURRENT_VERSION).isEqualTo(newest);
  }

  @Test
  void isCurrent_onlyOnceEveryScriptIsApplied() throws Exception {
    HistoryDatabase database = HistoryDatabase.h2File(dir.resolve("history"));
    DataSource dataSource = dataSource(database);
    assertThat(Migrations.isCurrent(dataSource)).as("no schema yet").isFalse();

    migrateTo(database, "1");
    assertThat(Migrations.isCurrent(dataSource)).as("at version 1").isFalse();

    HistoryStore.open(database).close();
    assertThat(Migrations.isCurrent(dataSource)).as("after opening").isTrue();

    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE \"" + Migrations.TABLE + "\" SET \"success\" = FALSE WHERE \"version\" = '1'");
    }
    assertThat(Migrations.isCurrent(dataSource)).as("a failed migration on record").isFalse();
  }

  private static void migrateTo(HistoryDatabase database, String version) {
    Flyway.configure()
        .dataSource(database.url(), "sa", "")
        .locations(Migrations.LOCATION)
        .table(Migrations.TABLE)
        .target(version)
        .load()
        .migrate();
  }

  private static DataSource dataSource(HistoryDatabase database) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(database.url());
    dataSource.setUser("sa");
    return dataSource;
  }

  private static void insertV1(Statement statement, String id, String outcome, String imageAfter)
      throws SQLException {
    statement.executeUpdate(
        "INSERT INTO deployments (id, cluster, namespace, kind, name, image_before, image_after,"
            + " strategy, strategy_parameters, trigger_type, trigger_value, started_at,"
            + " finished_at, outcome) VALUES ('"
            + id
            + "', 'c', 'shop', 'ReplicationController', 'web', 'web:1', '"
            + imageAfter
            + "', 'rolling-update', '{}', 'CLI', 'ci', TIMESTAMP WITH TIME ZONE"
            + " '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:01:00+00', '"
            + outcome
            + "')");
  }
}
