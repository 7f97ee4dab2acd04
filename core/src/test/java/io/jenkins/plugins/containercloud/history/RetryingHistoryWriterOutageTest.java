package io.jenkins.plugins.containercloud.history;

import static io.jenkins.plugins.containercloud.history.Deployments.ended;
import static io.jenkins.plugins.containercloud.history.Deployments.events;
import static io.jenkins.plugins.containercloud.history.Deployments.running;
import static io.jenkins.plugins.containercloud.history.RetryingHistoryWriterTest.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.testing.CapturedLog;
import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.TcpForwarder;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link RetryingHistoryWriter} while PostgreSQL is unreachable: the writer talks to the
 * testbed's PostgreSQL through a {@link TcpForwarder} that the test turns off (connections are
 * refused) and on again; the test checks the database directly, around the forwarder.
 */
class RetryingHistoryWriterOutageTest {

  PostgresSchema schema;
  TcpForwarder forwarder;
  HistoryStore throughForwarder;
  HistoryStore direct;

  @BeforeEach
  void open() throws Exception {
    schema = PostgresSchema.create();
    URI server = URI.create(schema.url().substring("jdbc:".length()));
    forwarder = TcpForwarder.to(server.getHost(), server.getPort());
    String forwardedUrl =
        schema.url().replaceFirst(":" + server.getPort() + "/", ":" + forwarder.port() + "/");
    throughForwarder = HistoryStore.open(database(forwardedUrl));
    direct = HistoryStore.open(database(schema.url()));
  }

  @AfterEach
  void close() throws Exception {
    forwarder.close();
    schema.close();
  }

  @Test
  void writesDuringAnOutage_areRetriedAndLogged_andLandWhenTheDatabaseReturns() throws Exception {
    DeploymentRecord record = running("web", 0).build();
    List<DeploymentEvent> events = events(record, 2);
    Instant end = record.startedAt().plusSeconds(30);
    forwarder.refuse();

    try (CapturedLog log = CapturedLog.start();
        RetryingHistoryWriter writer = RetryingHistoryWriter.start(throughForwarder, FAST)) {
      writer.started(record);
      events.forEach(writer::event);
      writer.finished(record.id(), Outcome.FAILED, end, "readiness probe failed", null);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> writer.pending().get(0).failedAttempts() >= 3);
      assertThat(writer.pending()).hasSize(4).allMatch(w -> w.deploymentId().equals(record.id()));
      assertThat(direct.find(record.id())).isEmpty();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(log.text())
                      .contains("history database unavailable")
                      .contains("Outcomes waiting: " + record.id() + " FAILED")
                      .contains("refused"));

      forwarder.accept();

      assertThat(writer.flush(Duration.ofSeconds(60))).isTrue();
      assertThat(writer.droppedWrites()).isZero();
    }
    assertThat(direct.find(record.id()))
        .contains(record.finish(Outcome.FAILED, end, "readiness probe failed", null));
    assertThat(direct.events(record.id())).containsExactlyElementsOf(events);
  }

  @Test
  void aFullQueue_dropsTheNewWriteWithAnErrorNamingIt() throws Exception {
    RetryingHistoryWriter.Settings tiny =
        new RetryingHistoryWriter.Settings(
            2, FAST.initialBackoff(), FAST.maxBackoff(), 2, Duration.ofSeconds(5));
    DeploymentRecord first = ended(running("a", 0), Outcome.SUCCEEDED);
    DeploymentRecord second = ended(running("b", 1), Outcome.SUCCEEDED);
    DeploymentRecord third = ended(running("c", 2), Outcome.ROLLED_BACK);
    forwarder.refuse();

    try (CapturedLog log = CapturedLog.start();
        RetryingHistoryWriter writer = RetryingHistoryWriter.start(throughForwarder, tiny)) {
      writer.save(first, List.of());
      writer.save(second, List.of());
      writer.save(third, List.of());

      assertThat(writer.droppedWrites()).isEqualTo(1);
      assertThat(log.text())
          .contains("the history write queue is full")
          .contains(third.id())
          .contains("ROLLED_BACK");

      forwarder.accept();
      assertThat(writer.flush(Duration.ofSeconds(60))).isTrue();
    }
    assertThat(direct.recent(10)).containsExactly(second, first);
  }

  @Test
  void closingDuringAnOutage_logsEveryWriteLeft_withItsOutcome() throws Exception {
    RetryingHistoryWriter.Settings quickClose =
        new RetryingHistoryWriter.Settings(
            100, FAST.initialBackoff(), FAST.maxBackoff(), 2, Duration.ofMillis(300));
    DeploymentRecord record = ended(running("web", 0), Outcome.FAILED);
    forwarder.refuse();

    try (CapturedLog log = CapturedLog.start()) {
      RetryingHistoryWriter writer = RetryingHistoryWriter.start(throughForwarder, quickClose);
      writer.save(record, events(record, 1));

      writer.close();

      assertThat(writer.pending()).isEmpty();
      assertThat(writer.droppedWrites()).isEqualTo(1);
      assertThat(log.text())
          .contains("history writer closed before it could write")
          .contains(record.id())
          .contains("outcome FAILED");
    }
  }

  private static HistoryDatabase database(String url) {
    return HistoryDatabase.jdbc(url, Testbed.postgresUser(), Testbed.postgresPassword());
  }
}
