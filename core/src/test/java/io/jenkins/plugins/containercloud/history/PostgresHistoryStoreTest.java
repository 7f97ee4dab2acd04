package io.jenkins.plugins.containercloud.history;

import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Tests for {@link HistoryStore} on the testbed's PostgreSQL, each in a schema of its own. Fails
 * with the command that starts the testbed when TESTBED_POSTGRES_URL is not set.
 */
class PostgresHistoryStoreTest extends HistoryStoreContract {

  private PostgresSchema schema;

  @Override
  HistoryDatabase database() throws SQLException {
    if (schema == null) {
      schema = PostgresSchema.create();
    }
    return HistoryDatabase.jdbc(schema.url(), Testbed.postgresUser(), Testbed.postgresPassword());
  }

  @Override
  List<String> processArguments() throws SQLException {
    database();
    return List.of("jdbc", schema.url(), Testbed.postgresUser());
  }

  @Override
  Map<String, String> processEnvironment() {
    return Map.of("HISTORY_PASSWORD", Testbed.postgresPassword());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      schema.close();
    }
  }
}
