package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WorkspacePaths}. */
class WorkspacePathsTest {

  @TempDir Path dir;

  private Path workspace;
  private WorkspacePaths paths;

  @BeforeEach
  void workspace() throws Exception {
    workspace = Files.createDirectories(dir.resolve("ws"));
    Files.createDirectories(workspace.resolve("app"));
    Files.writeString(dir.resolve("secret.txt"), "not yours");
    paths = new WorkspacePaths(workspace.toFile());
  }

  @Test
  void relativePaths_resolveInTheWorkspace_evenThroughDotDotThatStaysInside() throws Exception {
    assertThat(paths.resolve("context", "app")).isEqualTo(workspace.resolve("app"));
    assertThat(paths.resolve("context", "app/../app/./")).isEqualTo(workspace.resolve("app"));
    assertThat(paths.resolve("context", ".")).isEqualTo(workspace);
    assertThat(paths.resolve("manifests", "k8s/not-yet.yaml"))
        .isEqualTo(workspace.resolve("k8s/not-yet.yaml"));
  }

  @Test
  void anAbsolutePathInsideTheWorkspace_isAccepted() throws Exception {
    assertThat(paths.resolve("context", workspace.resolve("app").toString()))
        .isEqualTo(workspace.resolve("app"));
  }

  @Test
  void dotDotOutOfTheWorkspace_isRefused_namingTheArgument() {
    assertThatThrownBy(() -> paths.resolve("context", "../secret.txt"))
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "context: must be inside the workspace (../secret.txt resolves to "
                + dir.resolve("secret.txt")
                + ", outside "
                + workspace
                + "); give a path relative to the workspace");
  }

  @Test
  void anAbsolutePathElsewhere_isRefused() {
    assertThatThrownBy(() -> paths.resolve("manifests", "/etc/passwd"))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("manifests: must be inside the workspace (/etc/passwd resolves to");
  }

  @Test
  void aPathRelativeToADirectoryInside_mayNotLeaveTheWorkspaceEither() throws Exception {
    Path context = workspace.resolve("app");

    assertThat(paths.resolve("dockerfile", context, "../Dockerfile"))
        .isEqualTo(workspace.resolve("Dockerfile"));
    assertThatThrownBy(() -> paths.resolve("dockerfile", context, "../../secret.txt"))
        .hasMessageStartingWith("dockerfile: must be inside the workspace (../../secret.txt");
  }

  @Test
  void aSymbolicLinkLeadingOut_isRefused_forTheLinkAndForWhatIsBelowIt() throws Exception {
    Files.createSymbolicLink(workspace.resolve("escape"), dir);

    assertThatThrownBy(() -> paths.resolve("context", "escape"))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith(
            "context: must be inside the workspace (escape leads through a symbolic link to "
                + dir.toRealPath());
    assertThatThrownBy(() -> paths.resolve("layers", "escape/secret.txt"))
        .hasMessageStartingWith("layers: must be inside the workspace (escape/secret.txt leads");
    assertThatThrownBy(() -> paths.resolve("manifests", "escape/missing.yaml"))
        .hasMessageStartingWith("manifests: must be inside the workspace");
  }

  @Test
  void aSymbolicLinkThatStaysInside_isAccepted() throws Exception {
    Files.createSymbolicLink(workspace.resolve("current"), workspace.resolve("app"));

    assertThat(paths.resolve("context", "current")).isEqualTo(workspace.resolve("current"));
  }
}
