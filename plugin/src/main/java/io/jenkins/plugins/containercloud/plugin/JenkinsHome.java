package io.jenkins.plugins.containercloud.plugin;

import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the Jenkins home directory the way Jenkins' own start-up does when no servlet context
 * overrides it: the {@code JENKINS_HOME} system property, else the environment variable, else
 * {@code ~/.jenkins}. ({@code Jenkins.getRootDir()} would be the direct answer; the Jenkins API
 * this plugin compiles against does not list it.)
 */
final class JenkinsHome {

  private JenkinsHome() {}

  static Path find(Map<String, String> environment, String propertyValue, String userHome) {
    if (propertyValue != null && !propertyValue.isBlank()) {
      return Path.of(propertyValue);
    }
    String fromEnvironment = environment.get("JENKINS_HOME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return Path.of(userHome, ".jenkins");
  }

  static Path current() {
    return find(
        System.getenv(), System.getProperty("JENKINS_HOME"), System.getProperty("user.home"));
  }
}
