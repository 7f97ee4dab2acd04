package io.jenkins.plugins.containercloud.history;

import static io.jenkins.plugins.containercloud.history.Deployments.ended;
import static io.jenkins.plugins.containercloud.history.Deployments.events;
import static io.jenkins.plugins.containercloud.history.Deployments.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.testing.CapturedLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link RetryingHistoryWriter} on a working embedded database. */
class RetryingHistoryWriterTest {

  static final RetryingHistoryWriter.Settings FAST =
      new RetryingHistoryWriter.Settings(
          100, Duration.ofMillis(20), Duration.ofMillis(200), 2, Duration.ofSeconds(5));

  @TempDir Path dir;
  HistoryStore store;

  @BeforeEach
  void open() {
    store = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void writes_landInTheOrderTheyWereMade() throws Exception {
    DeploymentRecord record = running("web", 0).build();
    List<DeploymentEvent> events = events(record, 3);
    Instant end = record.startedAt().plusSeconds(9);

    try (RetryingHistoryWriter writer = RetryingHistoryWriter.start(store, FAST)) {
      writer.started(record);
      events.forEach(writer::event);
      writer.finished(record.id(), Outcome.SUCCEEDED, end, null, null);

      assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(writer.pending()).isEmpty();
      assertThat(writer.droppedWrites()).isZero();
    }
    assertThat(store.find(record.id())).contains(record.finish(Outcome.SUCCEEDED, end, null, null));
    assertThat(store.events(record.id())).containsExactlyElementsOf(events);
  }

  @Test
  void aWriteThatCanNeverSucceed_isDroppedWithAnErrorNamingIt_andTheWritesBehindItLand()
      throws Exception {
    DeploymentRecord unknown = running("ghost", 0).build();
    DeploymentRecord real = ended(running("web", 1), Outcome.SUCCEEDED);

    try (CapturedLog log = CapturedLog.start();
        RetryingHistoryWriter writer = RetryingHistoryWriter.start(store, FAST)) {
      writer.finished(unknown.id(), Outcome.FAILED, Instant.now(), "image pull failed", null);
      writer.save(real, events(real, 2));

      assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(writer.droppedWrites()).isEqualTo(1);
      assertThat(log.text())
          .contains("history write cannot succeed, dropped")
          .contains(unknown.id())
          .contains("FAILED")
          .contains("image pull failed");
    }
    assertThat(store.find(real.id())).contains(real);
  }

  @Test
  void writesAfterClose_areLoggedAndDropped_neverThrown() {
    DeploymentRecord record = ended(running("web", 0), Outcome.ROLLED_BACK);
    RetryingHistoryWriter writer = RetryingHistoryWriter.start(store, FAST);
    writer.close();

    try (CapturedLog log = CapturedLog.start()) {
      writer.save(record, List.of());

      assertThat(log.text())
          .contains("the history writer is closed; not written")
          .contains(record.id())
          .contains("ROLLED_BACK");
    }
    assertThat(writer.droppedWrites()).isEqualTo(1);
    assertThat(store.find(record.id())).isEmpty();
  }

  @Test
  void close_writesWhatIsQueuedFirst() {
    DeploymentRecord record = ended(running("web", 0), Outcome.SUCCEEDED);
    RetryingHistoryWriter writer = RetryingHistoryWriter.start(store, FAST);

    writer.save(record, events(record, 50));
    writer.close();

    assertThat(store.find(record.id())).contains(record);
    assertThat(writer.droppedWrites()).isZero();
  }

  @Test
  void close_onAThreadLeftInterruptedByAnAbort_stillWritesWhatIsQueued_andKeepsTheInterrupt()
      throws Exception {
    DeploymentRecord record = ended(running("web", 0), Outcome.ROLLED_BACK);
    RetryingHistoryWriter writer = RetryingHistoryWriter.start(store, FAST);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread closer = Thread.currentThread();
    // Another thread holds the file's turn, so the write waits until close() is waiting for it.
    Thread other =
        Thread.ofPlatform()
            .start(
                () ->
                    store.inOneTurn(
                        () -> {
                          store.recent(1);
                          held.countDown();
                          await().until(() -> closer.getState() == Thread.State.TIMED_WAITING);
                          release.countDown();
                          return null;
                        }));
    held.await();

    writer.save(record, events(record, 3));
    closer.interrupt();
    writer.close();

    assertThat(Thread.interrupted()).isTrue();
    other.join();
    assertThat(release.getCount()).isZero();
    assertThat(store.find(record.id())).contains(record);
    assertThat(writer.droppedWrites()).isZero();
  }

  @Test
  void backoff_doublesFromTheInitialWait_upToTheMaximum() {
    RetryingHistoryWriter writer = RetryingHistoryWriter.start(store, FAST);
    try {
      assertThat(List.of(1, 2, 3, 4, 5, 60).stream().map(writer::backoff).map(Duration::toMillis))
          .containsExactly(20L, 40L, 80L, 160L, 200L, 200L);
    } finally {
      writer.close();
    }
  }

  @Test
  void writesToAClosedStore_areDroppedWithAnErrorNamingThem() {
    // A store closed under the writer fails every write for good: the queue drains by dropping.
    DeploymentRecord record = running("web", 0).build();
    store.close();
    try (CapturedLog log = CapturedLog.start();
        RetryingHistoryWriter writer = RetryingHistoryWriter.start(store, FAST)) {
      writer.started(record);
      writer.finished(record.id(), Outcome.INTERRUPTED, Instant.now(), "host stopped", null);

      await().atMost(Duration.ofSeconds(30)).until(() -> writer.droppedWrites() == 2);
      assertThat(log.text()).contains(record.id()).contains("INTERRUPTED").contains("closed");
    }
  }
}
