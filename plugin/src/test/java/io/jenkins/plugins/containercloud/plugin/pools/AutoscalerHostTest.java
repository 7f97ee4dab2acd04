package io.jenkins.plugins.containercloud.plugin.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.ScalingLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link AutoscalerHost}, without Jenkins: it starts after the configuration is loaded,
 * restarts only when its part of the configuration changed (stopping the old before making the
 * new), and stops on shutdown.
 */
class AutoscalerHostTest {

  private final List<String> events = new ArrayList<>();
  private final AutoscalerHost host = new AutoscalerHost();

  /** Generations that note when they are made and closed. */
  private Supplier<AutoscalerHost.Generation> generation(String name) {
    return () -> {
      events.add("open " + name);
      Scaling scaling =
          new Scaling(
              List.of(),
              cluster -> {
                throw new IllegalStateException("no cluster");
              },
              (pool, owner) -> {
                throw new IllegalStateException("no provider");
              },
              ScalingLog.inMemory(),
              Clock.systemUTC(),
              Autoscaler.Timing.DEFAULT);
      return new AutoscalerHost.Generation() {
        @Override
        public Scaling scaling() {
          return scaling;
        }

        @Override
        public void close() {
          scaling.close();
          events.add("close " + name);
        }
      };
    };
  }

  @Test
  void startsOnlyOnceTheConfigurationIsLoaded_andRestartsOnlyWhenItsPartChanged() {
    host.reconfigure("a", generation("a"));
    assertThat(events).isEmpty();
    assertThatThrownBy(host::scaling)
        .isInstanceOf(ApiException.class)
        .hasMessage("the autoscaler has not started: Jenkins is starting or stopping");

    host.start();
    assertThat(events).containsExactly("open a");
    assertThat(host.running()).isTrue();
    Scaling first = host.scaling();

    host.reconfigure("a", generation("a again"));
    assertThat(events).containsExactly("open a");
    assertThat(host.scaling()).isSameAs(first);

    host.reconfigure("b", generation("b"));
    assertThat(events).containsExactly("open a", "close a", "open b");

    host.reconfigure(null, generation("none"));
    assertThat(events).containsExactly("open a", "close a", "open b", "close b");
    assertThat(host.running()).isFalse();
    // No pool: an empty view for the Scaling page, and a step is told the pool is not configured.
    assertThat(host.scaling().view().clusters()).isEmpty();
    assertThatThrownBy(() -> host.scaling().resize("workers", 1, "test"))
        .isInstanceOf(ApiException.class)
        .hasMessage("no node pool workers is configured");
  }

  @Test
  void aConfigurationThatCannotStart_isReported_andTheNextOneStarts() {
    host.start();
    host.reconfigure(
        "bad",
        () -> {
          throw new IllegalArgumentException("node pool workers: cpu: 'four' is not a quantity");
        });

    assertThat(host.running()).isFalse();
    assertThatThrownBy(host::scaling)
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "the autoscaler cannot start: node pool workers: cpu: 'four' is not a quantity");

    host.reconfigure("good", generation("good"));
    assertThat(host.running()).isTrue();
  }

  @Test
  void stop_closesTheRunningAutoscalers_andAStartAfterItStartsThemAgain() {
    host.reconfigure("a", generation("a"));
    host.start();

    host.stop();

    assertThat(events).containsExactly("open a", "close a");
    assertThat(host.running()).isFalse();
    host.stop();
    assertThat(events).containsExactly("open a", "close a");
    host.start();
    assertThat(events).containsExactly("open a", "close a", "open a");
    host.stop();
  }
}
