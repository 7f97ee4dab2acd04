package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link JenkinsHome}. */
class JenkinsHomeTest {

  @Test
  void systemProperty_thenEnvironment_thenDotJenkins() {
    Map<String, String> env = Map.of("JENKINS_HOME", "/var/lib/jenkins");
    assertThat(JenkinsHome.find(env, "/srv/jenkins", "/home/ci"))
        .isEqualTo(Path.of("/srv/jenkins"));
    assertThat(JenkinsHome.find(env, null, "/home/ci")).isEqualTo(Path.of("/var/lib/jenkins"));
    assertThat(JenkinsHome.find(Map.of(), " ", "/home/ci")).isEqualTo(Path.of("/home/ci/.jenkins"));
  }
}
