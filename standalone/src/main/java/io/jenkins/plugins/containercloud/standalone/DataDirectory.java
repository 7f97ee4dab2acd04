package io.jenkins.plugins.containercloud.standalone;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Container Cloud keeps its files: {@code ${XDG_DATA_HOME:-~/.local/share}/container-cloud}.
 */
final class DataDirectory {

  private DataDirectory() {}

  static Path of(Map<String, String> environment) {
    String dataHome = environment.get("XDG_DATA_HOME");
    Path base =
        dataHome != null && !dataHome.isBlank()
            ? Path.of(dataHome)
            : Path.of(
                environment.getOrDefault("HOME", System.getProperty("user.home")),
                ".local",
                "share");
    return base.resolve("container-cloud");
  }
}
