package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A workspace as a checkout leaves it: the project's sample application under docs/examples. */
final class TestWorkspace {

  static final String HELLO_APP = "docs/examples/hello-app";

  private TestWorkspace() {}

  /** Copies the sample application into {@code workspace}/docs/examples/hello-app. */
  static Path withHelloApp(Path workspace) {
    Path source = Testbed.helloApp();
    Path target = workspace.resolve(HELLO_APP);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return workspace;
  }
}
