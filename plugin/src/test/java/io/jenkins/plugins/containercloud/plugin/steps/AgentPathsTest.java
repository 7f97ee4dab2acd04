package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.TaskListener;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the paths {@link AgentBuild} and {@link ReadManifests} accept: nothing outside the
 * workspace is built from or read, whatever the argument says.
 */
class AgentPathsTest {

  @TempDir Path dir;

  private Path workspace;
  private TestConfigurations.Counting configuration;

  @BeforeEach
  void workspaceBesideAnotherDirectory() throws Exception {
    workspace = Files.createDirectories(dir.resolve("ws"));
    Files.createDirectories(workspace.resolve("app"));
    Files.writeString(workspace.resolve("app/Dockerfile"), "FROM scratch\n");
    Files.createDirectories(dir.resolve("other"));
    Files.writeString(dir.resolve("other/Dockerfile"), "FROM scratch\n");
    Files.writeString(dir.resolve("other/secret.yaml"), "kind: Secret\n");
    configuration = TestConfigurations.with(List.of(), List.of(), dir.resolve("history"));
  }

  @AfterEach
  void closeHistory() {
    configuration.close();
  }

  @Test
  void contextOutsideTheWorkspace_isRefused() {
    assertRefused(s -> s.setContext("../other"), "context: must be inside the workspace (../other");
    assertRefused(
        s -> s.setContext(dir.resolve("other").toString()),
        "context: must be inside the workspace (" + dir.resolve("other"));
  }

  @Test
  void dockerfileOutsideTheWorkspace_isRefused() {
    assertRefused(
        s -> {
          s.setContext("app");
          s.setDockerfile("../../other/Dockerfile");
        },
        "dockerfile: must be inside the workspace (../../other/Dockerfile");
    assertRefused(
        s -> s.setDockerfile(dir.resolve("other/Dockerfile").toString()),
        "dockerfile: must be inside the workspace (");
  }

  @Test
  void layersOutsideTheWorkspace_areRefused() {
    assertRefused(
        s -> {
          s.setContext("app");
          s.setDaemonless(true);
          s.setBase("registry.example.com/busybox:1.36");
          s.setLayers("Dockerfile:/app\n../../other:/etc/app:644");
        },
        "layers: must be inside the workspace (../../other resolves to ");
  }

  @Test
  void manifestsOutsideTheWorkspace_areRefused() {
    for (String path :
        List.of("../other/secret.yaml", dir.resolve("other/secret.yaml").toString())) {
      assertThatThrownBy(() -> new ReadManifests(List.of(path)).invoke(workspace.toFile(), null))
          .isInstanceOf(StepFailedException.class)
          .hasMessageStartingWith("manifests: must be inside the workspace (" + path);
    }
  }

  private void assertRefused(Consumer<ContainerBuildStep> options, String message) {
    ContainerBuildStep step = new ContainerBuildStep("registry.example.com/app:1");
    options.accept(step);
    AgentBuild build =
        new AgentBuild(
            BuildArguments.of(step),
            RegistryLogins.resolve(
                List.of(),
                null,
                null,
                configuration,
                TestCredentials.resolver(),
                TestCredentials.resolver()),
            null,
            TaskListener.NULL);

    assertThatThrownBy(() -> build.invoke(workspace.toFile(), null))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith(message);
  }
}
