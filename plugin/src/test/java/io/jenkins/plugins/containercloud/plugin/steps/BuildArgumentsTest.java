package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link BuildArguments}. */
class BuildArgumentsTest {

  @Test
  void daemonBuild_collectsTagsArgsAndLabels() {
    ContainerBuildStep step = new ContainerBuildStep("127.0.0.1:5000/team/app:1.0");
    step.setTags("latest, mirror.example.com/app:1.0");
    step.setContext("docs/examples/hello-app");
    step.setBuildArgs("GREETING=Hi\nBASE=127.0.0.1:5000/testbed/busybox:latest");
    step.setLabels("team=platform");
    step.setNoCache(true);

    BuildSpec spec = BuildArguments.of(step);

    assertThat(spec.references())
        .containsExactly(
            "127.0.0.1:5000/team/app:1.0",
            "127.0.0.1:5000/team/app:latest",
            "mirror.example.com/app:1.0");
    assertThat(spec.context()).isEqualTo("docs/examples/hello-app");
    assertThat(spec.buildArgs())
        .containsExactly(
            Map.entry("GREETING", "Hi"),
            Map.entry("BASE", "127.0.0.1:5000/testbed/busybox:latest"));
    assertThat(spec.labels()).containsExactly(Map.entry("team", "platform"));
    assertThat(spec.noCache()).isTrue();
    assertThat(spec.push()).isTrue();
    assertThat(spec.daemonless()).isFalse();
  }

  @Test
  void contextDefaultsToTheWorkspace() {
    assertThat(BuildArguments.of(new ContainerBuildStep("app:1")).context()).isEqualTo(".");
  }

  @Test
  void missingImage_isNamed() {
    assertThatThrownBy(() -> BuildArguments.of(new ContainerBuildStep(" ")))
        .hasMessageStartingWith("image: give an image reference");
  }

  @Test
  void imageWithDigest_isRefused_sayingWhatToRemove() {
    String digest = "sha256:" + "a".repeat(64);
    assertThatThrownBy(() -> BuildArguments.of(new ContainerBuildStep("app@" + digest)))
        .hasMessage("image: an image is built and pushed under a tag; remove @" + digest);
  }

  @Test
  void invalidReference_andInvalidTag_nameTheirArgument() {
    assertThatThrownBy(() -> BuildArguments.of(new ContainerBuildStep("Bad Image")))
        .hasMessageStartingWith("image: ");
    ContainerBuildStep step = new ContainerBuildStep("app:1");
    step.setTags("-bad");
    assertThatThrownBy(() -> BuildArguments.of(step)).hasMessageStartingWith("tags: ");
  }

  @Test
  void daemonlessBuild_needsABase() {
    ContainerBuildStep step = new ContainerBuildStep("app:1");
    step.setDaemonless(true);
    assertThatThrownBy(() -> BuildArguments.of(step)).hasMessageStartingWith("base: ");
  }

  @Test
  void daemonlessBuild_refusesDaemonOptions_andPushFalse() {
    ContainerBuildStep withArgs = daemonless();
    withArgs.setBuildArgs("A=1");
    assertThatThrownBy(() -> BuildArguments.of(withArgs))
        .hasMessageStartingWith("dockerfile, target, buildArgs: ");

    ContainerBuildStep noPush = daemonless();
    noPush.setPush(false);
    assertThatThrownBy(() -> BuildArguments.of(noPush)).hasMessageStartingWith("push: ");
  }

  @Test
  void daemonlessBuild_checksLayerLines() {
    ContainerBuildStep step = daemonless();
    step.setLayers("www:/www\nbin/app:/app:755\nrelative:dest");
    assertThatThrownBy(() -> BuildArguments.of(step))
        .hasMessageStartingWith("layers: 'relative:dest' is not SRC:DEST");
  }

  @Test
  void daemonlessBuild_keepsBaseAndLayers() {
    ContainerBuildStep step = daemonless();
    step.setLayers("www:/www\nbin/app:/app:755");

    BuildSpec spec = BuildArguments.of(step);

    assertThat(spec.base()).isEqualTo("127.0.0.1:5000/testbed/busybox:latest");
    assertThat(spec.layers()).containsExactly("www:/www", "bin/app:/app:755");
  }

  @Test
  void baseOrLayersWithoutDaemonless_areRefused() {
    ContainerBuildStep step = new ContainerBuildStep("app:1");
    step.setLayers("www:/www");
    assertThatThrownBy(() -> BuildArguments.of(step)).hasMessageStartingWith("base, layers: ");
  }

  private static ContainerBuildStep daemonless() {
    ContainerBuildStep step = new ContainerBuildStep("127.0.0.1:5000/app:1");
    step.setDaemonless(true);
    step.setBase("127.0.0.1:5000/testbed/busybox:latest");
    return step;
  }
}
