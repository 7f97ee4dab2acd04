package io.jenkins.plugins.containercloud.history;

import static io.jenkins.plugins.containercloud.history.Deployments.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.TcpForwarder;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Tests for {@link PooledConnections}: reused connections, and what happens when they are cut. */
class PooledConnectionsTest {

  @Test
  void connectionsCutUnderTheStore_costAtMostOneTransientFailure() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create()) {
      URI server = URI.create(schema.url().substring("jdbc:".length()));
      try (TcpForwarder forwarder = TcpForwarder.to(server.getHost(), server.getPort())) {
        String url =
            schema.url().replaceFirst(":" + server.getPort() + "/", ":" + forwarder.port() + "/");
        HistoryStore store =
            HistoryStore.open(
                HistoryDatabase.jdbc(url, Testbed.postgresUser(), Testbed.postgresPassword()));
        DeploymentRecord record = running("web", 0).build();
        store.started(record);

        forwarder.refuse();
        forwarder.accept();

        HistoryException first =
            catchThrowableOfType(HistoryException.class, () -> store.find(record.id()));
        if (first != null) {
          assertThat(first.isTransient()).isTrue();
        }
        assertThat(store.find(record.id())).contains(record);
      }
    }
  }
}
