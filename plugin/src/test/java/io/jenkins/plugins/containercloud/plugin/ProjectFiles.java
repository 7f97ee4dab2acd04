package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the project outside this module (docs, examples), found from the working directory. */
public final class ProjectFiles {

  private ProjectFiles() {}

  public static Path find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return fail(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
