package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ScalingTimeline}. */
class ScalingTimelineTest {

  private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");

  @Test
  void aSample_sumsEveryPoolsMachinesByState_andCountsThePendingPods() {
    ScalingTimeline timeline = new ScalingTimeline(10);

    timeline.add(T0, status(pool("a", 2, 1, 0), pool("b", 1, 3, 1)));

    assertThat(timeline.samples())
        .containsExactly(new ScalingTimeline.Sample(T0.toString(), 3, 4, 1, 2));
  }

  @Test
  void whenFull_theOldestSampleGoes_andTheRestStayInOrder() {
    ScalingTimeline timeline = new ScalingTimeline(3);

    for (int i = 0; i < 5; i++) {
      timeline.add(T0.plusSeconds(5L * i), status(pool("a", i, 0, 0)));
    }

    assertThat(timeline.samples())
        .extracting(ScalingTimeline.Sample::ready)
        .containsExactly(2, 3, 4);
  }

  @Test
  void aCapacityBelowOne_isRefused() {
    assertThatThrownBy(() -> new ScalingTimeline(0)).hasMessageContaining("capacity");
  }

  private static ScalingStatus status(ScalingStatus.PoolView... pools) {
    return new ScalingStatus(
        T0.toString(),
        List.of(pools),
        List.of(
            new ScalingStatus.PendingView("ns/a", "awaiting-nodes", ""),
            new ScalingStatus.PendingView("ns/b", "awaiting-nodes", "")),
        0);
  }

  private static ScalingStatus.PoolView pool(String name, int ready, int upcoming, int draining) {
    return new ScalingStatus.PoolView(
        name, "simulated", 0, 10, ready, upcoming, draining, null, List.of(), null);
  }
}
