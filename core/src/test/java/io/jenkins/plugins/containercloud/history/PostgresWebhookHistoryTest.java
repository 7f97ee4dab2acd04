package io.jenkins.plugins.containercloud.history;

import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** Tests for {@link WebhookHistory} on the testbed's PostgreSQL, in a schema of its own. */
class PostgresWebhookHistoryTest extends WebhookHistoryContract {

  private PostgresSchema schema;

  @Override
  HistoryDatabase database() throws SQLException {
    schema = PostgresSchema.create();
    return HistoryDatabase.jdbc(schema.url(), Testbed.postgresUser(), Testbed.postgresPassword());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      schema.close();
    }
  }
}
