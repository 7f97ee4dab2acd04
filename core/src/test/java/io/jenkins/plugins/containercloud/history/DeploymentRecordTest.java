package io.jenkins.plugins.containercloud.history;

import static io.jenkins.plugins.containercloud.history.Deployments.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link DeploymentRecord}: the checks that keep every write within the schema. */
class DeploymentRecordTest {

  @Test
  void anIdThatIsNoUuid_isRefusedNamingTheField() {
    assertThatThrownBy(() -> running("web", 0).id("deploy-1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id must be a UUID")
        .hasMessageContaining("deploy-1");
  }

  @Test
  void anUpperCaseId_isKeptInLowerCase() {
    String id = DeploymentRecord.newId();

    assertThat(running("web", 0).id(id.toUpperCase()).build().id()).isEqualTo(id);
  }

  @Test
  void aNameLongerThanItsColumn_isRefusedNamingTheField() {
    assertThatThrownBy(() -> running("x".repeat(254), 0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name is 254 characters long; at most 253 fit");
  }

  @Test
  void requiredFields_areNamedWhenMissing() {
    assertThatThrownBy(() -> running("web", 0).namespace(" ").build())
        .hasMessage("namespace is required");
    assertThatThrownBy(() -> running("web", 0).trigger(null).build()).hasMessage("trigger");
  }

  @Test
  void aFinalOutcome_needsAnEnd_andARunningOne_hasNone() {
    assertThatThrownBy(() -> running("web", 0).outcome(Outcome.FAILED).build())
        .hasMessageContaining("finishedAt is set exactly when the outcome is final");
    assertThatThrownBy(() -> running("web", 0).finishedAt(Instant.now()).build())
        .hasMessageContaining("finishedAt is set exactly when the outcome is final");
  }

  @Test
  void instants_areKeptToTheMicrosecond() {
    Instant nanos = Instant.parse("2026-03-01T10:15:30.123456789Z");

    assertThat(running("web", 0).startedAt(nanos).build().startedAt())
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
  }

  @Test
  void strategyParameters_areSortedAndUnmodifiable_andRefuseNullValues() {
    DeploymentRecord record =
        running("web", 0).strategyParameters(Map.of("b", "2", "a", "1")).build();

    assertThat(record.strategyParameters().keySet()).containsExactly("a", "b");
    assertThatThrownBy(() -> record.strategyParameters().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    Map<String, String> withNull = new HashMap<>();
    withNull.put("timeout", null);
    assertThatThrownBy(() -> running("web", 0).strategyParameters(withNull).build())
        .hasMessage("strategyParameters may not hold null values");
  }

  @Test
  void aLongReason_isCutWithAnEllipsis() {
    DeploymentRecord record =
        running("web", 0).build().finish(Outcome.FAILED, Instant.now(), "y".repeat(5000), null);

    assertThat(record.reason()).hasSize(4000).startsWith("yyy").endsWith("…");
  }

  @Test
  void finish_keepsTheImageAfter_unlessGivenOne() {
    DeploymentRecord started = running("web", 0).build();

    assertThat(started.finish(Outcome.SUCCEEDED, Instant.now(), null, null).imageAfter())
        .isEqualTo(started.imageAfter());
    assertThat(
            started.finish(Outcome.SUCCEEDED, Instant.now(), null, "r/web@sha256:1").imageAfter())
        .isEqualTo("r/web@sha256:1");
  }
}
