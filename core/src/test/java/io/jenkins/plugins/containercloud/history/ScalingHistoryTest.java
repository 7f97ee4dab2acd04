package io.jenkins.plugins.containercloud.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the autoscaler's record in {@link HistoryStore} (migration V4), on H2 and PostgreSQL.
 */
class ScalingHistoryTest {

  @TempDir Path dir;

  private static ScalingEvent event(String type, String key, Instant at) {
    return new ScalingEvent(
        UUID.randomUUID().toString(),
        "prod",
        "web",
        at,
        type,
        key,
        null,
        null,
        2,
        "shop/a,shop/b",
        "2 pending pods",
        12L);
  }

  private static void roundTrip(HistoryStore store) {
    Instant t = Instant.parse("2026-12-01T10:00:00.123456Z");
    ScalingEvent done = event("SCALE_UP_REQUESTED", "web-1", t);
    ScalingEvent open = event("SCALE_UP_REQUESTED", "web-2", t.plusSeconds(1));
    store.scalingEvent(done);
    store.scalingEvent(event("SCALE_UP_CREATED", "web-1", t.plusSeconds(2)));
    store.scalingEvent(open);
    store.scalingEvent(open);

    assertThat(store.scalingEvents("prod", 10))
        .hasSize(3)
        .first()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo("SCALE_UP_CREATED");
              assertThat(e.durationMillis()).isEqualTo(12L);
            });
    assertThat(store.scalingEvents("other", 10)).isEmpty();
    assertThat(store.unfinishedScaleUps("prod")).containsExactly(open);
    // Events of one type, oldest first (what a restarted autoscaler reads its upgrades from).
    assertThat(store.scalingEventsOfType("prod", "SCALE_UP_REQUESTED")).containsExactly(done, open);
    assertThat(store.scalingEventsOfType("other", "SCALE_UP_REQUESTED")).isEmpty();
  }

  @Test
  void scalingEvents_roundTripOnH2_andUnfinishedScaleUpsAreFound() {
    try (HistoryStore store = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")))) {
      roundTrip(store);
    }
  }

  @Test
  void scalingEvents_roundTripOnPostgres() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create();
        HistoryStore store =
            HistoryStore.open(
                HistoryDatabase.jdbc(
                    schema.url(), Testbed.postgresUser(), Testbed.postgresPassword()))) {
      roundTrip(store);
    }
  }
}
