package io.jenkins.plugins.containercloud.history;

import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.sql.SQLException;
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

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      schema.close();
    }
  }
}
