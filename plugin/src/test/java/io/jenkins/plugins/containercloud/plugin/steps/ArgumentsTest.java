package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link Arguments}. */
class ArgumentsTest {

  @Test
  void list_splitsOnCommasSpacesAndNewLines() {
    assertThat(Arguments.list(" latest, 1.0\n1.0.3  stable "))
        .containsExactly("latest", "1.0", "1.0.3", "stable");
    assertThat(Arguments.list(null)).isEmpty();
  }

  @Test
  void keyValues_keepOrder_andValuesWithEqualsSigns() {
    assertThat(Arguments.keyValues("buildArgs", "B=2\n\nA=x=y\nEMPTY="))
        .containsExactly(
            java.util.Map.entry("B", "2"),
            java.util.Map.entry("A", "x=y"),
            java.util.Map.entry("EMPTY", ""));
  }

  @Test
  void keyValues_rejectALineWithoutEquals_namingTheArgumentAndLine() {
    assertThatThrownBy(() -> Arguments.keyValues("labels", "a=1\nnot a pair"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels: line 2 'not a pair' is not KEY=VALUE; write one KEY=VALUE per line");
  }

  @Test
  void duration_readsSecondsMinutesHours_andBareSeconds() {
    assertThat(Arguments.duration("timeout", "45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Arguments.duration("timeout", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Arguments.duration("timeout", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Arguments.duration("timeout", "90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Arguments.duration("timeout", " ")).isNull();
  }

  @Test
  void duration_rejectsTextAndZero_namingTheArgument() {
    assertThatThrownBy(() -> Arguments.duration("timeout", "soon"))
        .hasMessage("timeout: 'soon' is not a duration; write e.g. 90s, 5m or 1h");
    assertThatThrownBy(() -> Arguments.duration("timeout", "0s"))
        .hasMessage("timeout: must be longer than zero, e.g. 5m");
  }
}
