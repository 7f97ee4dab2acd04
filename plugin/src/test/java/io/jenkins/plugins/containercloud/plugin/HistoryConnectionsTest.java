package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link HistoryConnections}. */
class HistoryConnectionsTest {

  @TempDir Path dir;

  private final HistoryConnections connections = new HistoryConnections();

  @AfterEach
  void closeAll() {
    connections.close();
  }

  @Test
  void usesOfTheSameSetting_shareOneHistory() {
    try (HistoryLease first = lease("a");
        HistoryLease second = lease("a")) {
      assertThat(second.deployments()).isSameAs(first.deployments());
    }
  }

  @Test
  void aSettingChangeMidRollout_keepsTheOldHistoryOpen_untilItsLastUserFinishes() {
    HistoryLease rollout = lease("a");
    HistoryLease another = lease("a");
    Deployments old = rollout.deployments();

    HistoryLease next = lease("b");

    assertThat(next.deployments()).isNotSameAs(old);
    assertThat(old.history(HistoryQuery.all())).as("still open for the rollouts").isEmpty();
    rollout.close();
    assertThat(old.history(HistoryQuery.all())).as("one rollout still records").isEmpty();
    another.close();
    assertClosed(old);
    assertThat(next.deployments().history(HistoryQuery.all())).isEmpty();
    next.close();
  }

  @Test
  void anUnusedHistory_isClosedAtOnce_whenTheSettingChanges() {
    Deployments old;
    try (HistoryLease used = lease("a")) {
      old = used.deployments();
    }
    assertThat(old.history(HistoryQuery.all())).as("kept for the next step").isEmpty();

    try (HistoryLease next = lease("b")) {
      assertClosed(old);
      assertThat(next.deployments().history(HistoryQuery.all())).isEmpty();
    }
  }

  @Test
  void closing_waitsForTheUsesStillRunning_andTheNextUseOpensAgain() {
    HistoryLease rollout = lease("a");
    Deployments old = rollout.deployments();

    connections.close();

    assertThat(old.history(HistoryQuery.all())).isEmpty();
    rollout.close();
    assertClosed(old);
    try (HistoryLease reopened = lease("a")) {
      assertThat(reopened.deployments()).isNotSameAs(old);
      assertThat(reopened.deployments().history(HistoryQuery.all())).isEmpty();
    }
  }

  @Test
  void closingALeaseTwice_releasesItOnce() {
    HistoryLease rollout = lease("a");
    HistoryLease another = lease("a");
    Deployments old = rollout.deployments();
    lease("b").close();

    rollout.close();
    rollout.close();

    assertThat(old.history(HistoryQuery.all())).as("another still uses it").isEmpty();
    another.close();
    assertClosed(old);
  }

  private HistoryLease lease(String name) {
    Path file = dir.resolve(name).resolve("history");
    return connections.acquire("embedded " + file, () -> HistoryDatabase.h2File(file));
  }

  private static void assertClosed(Deployments deployments) {
    assertThatThrownBy(() -> deployments.history(HistoryQuery.all())).as("closed").isNotNull();
  }
}
