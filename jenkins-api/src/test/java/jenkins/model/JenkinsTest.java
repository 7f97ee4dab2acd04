package jenkins.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link Jenkins}: there is none outside Jenkins, and it says so as Jenkins does. */
class JenkinsTest {

  @Test
  void noInstance_outsideJenkins() {
    assertThat(Jenkins.getInstanceOrNull()).isNull();
    assertThatThrownBy(Jenkins::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Jenkins.instance is missing.");
  }
}
