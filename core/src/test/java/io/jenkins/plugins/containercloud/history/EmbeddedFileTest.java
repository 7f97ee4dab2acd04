package io.jenkins.plugins.containercloud.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link EmbeddedFile}: a process keeps the embedded file open while its operations
 * follow each other, and still lets other processes in — when it goes idle, and while it stays
 * busy.
 */
class EmbeddedFileTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anotherProcess_getsItsTurns_whileThisOneWritesWithoutPause() throws Exception {
    Path file = dir.resolve("history");
    try (HistoryStore store = HistoryStore.open(HistoryDatabase.h2File(file))) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      AtomicReference<RuntimeException> failure = new AtomicReference<>();
      Thread busy =
          new Thread(
              () -> {
                try {
                  // Bounded; without letting go, the other process would give up after 30 s.
                  while (!stop.get() && written.get() < 500_000) {
                    store.started(Deployments.running("busy", written.get() % 1000).build());
                    written.incrementAndGet();
                  }
                } catch (RuntimeException e) {
                  failure.set(e);
                }
              });
      busy.start();
      try (WriterProcess other =
          WriterProcess.start(
              List.of("3", "1", "0", "h2", file.toString()), Map.of(), dir.resolve("other.log"))) {
        for (int i = 0; i < 3; i++) {
          other.awaitLine("committed ");
        }
        boolean stillWriting = busy.isAlive();
        int before = written.get();
        stop.set(true);
        busy.join();

        assertThat(failure.get()).isNull();
        assertThat(stillWriting).isTrue();
        assertThat(before).isPositive().isLessThan(500_000);
        assertThat(other.committed).hasSize(3);
      }
      assertThat(store.deployments(HistoryQuery.all().withLimit(1000))).isNotEmpty();
    }
  }

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aProcessKilledWhileItHasTheFileOpen_keepsEveryCommitThatReturned() throws Exception {
    Path file = dir.resolve("history");
    Set<String> committed = new LinkedHashSet<>();
    // With H2's RETENTION_TIME=0 about every other kill lost the last few commits.
    for (int round = 0; round < 6; round++) {
      try (WriterProcess writer =
          WriterProcess.start(
              List.of("0", "1", "0", "h2", file.toString()),
              Map.of(),
              dir.resolve("writer-" + round + ".log"))) {
        for (int i = 0; i < 100; i++) {
          writer.awaitLine("committed ");
        }
        writer.killAndDrain();
        committed.addAll(writer.committed);
      }
    }

    try (HistoryStore store = HistoryStore.open(HistoryDatabase.h2File(file))) {
      assertThat(committed).hasSizeGreaterThanOrEqualTo(600);
      assertThat(committed).allSatisfy(id -> assertThat(store.find(id)).as(id).isPresent());
    }
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anIdleProcess_withItsStoreOpen_letsAnotherProcessWrite() throws Exception {
    Path file = dir.resolve("history");
    try (HistoryStore store = HistoryStore.open(HistoryDatabase.h2File(file))) {
      DeploymentRecord mine = Deployments.running("mine", 1).build();
      store.started(mine);

      try (WriterProcess other =
          WriterProcess.start(
              List.of("1", "2", "0", "h2", file.toString()), Map.of(), dir.resolve("other.log"))) {
        String id = other.awaitLine("committed ");

        assertThat(store.find(id)).isPresent();
        assertThat(store.events(id)).hasSize(2);
      }
      assertThat(store.find(mine.id())).isPresent();
    }
  }
}
