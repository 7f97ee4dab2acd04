package io.jenkins.plugins.containercloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link Scheduler#message}: the real scheduler's wording. */
class SchedulerMessageTest {

  @Test
  void countsReasons_sortedAsTheSchedulerSortsThem() {
    String message =
        Scheduler.message(3, Map.of("Insufficient cpu", 2, "node(s) were unschedulable", 1));

    assertThat(message)
        .isEqualTo(
            "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. no new claims"
                + " to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for"
                + " scheduling.");
  }

  @Test
  void noNodesAtAll() {
    assertThat(Scheduler.message(0, Map.of())).isEqualTo("no nodes available to schedule pods");
  }
}
