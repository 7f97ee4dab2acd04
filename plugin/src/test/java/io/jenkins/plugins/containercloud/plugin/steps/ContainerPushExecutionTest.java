package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ContainerPushExecution}: {@code containerPush} against the testbed. */
class ContainerPushExecutionTest {

  @TempDir Path workspace;
  @TempDir Path history;

  private TestConfigurations.Counting configuration;
  private FakeStepHost host;

  @BeforeEach
  void host() {
    TestWorkspace.withHelloApp(workspace);
    configuration = TestConfigurations.with(List.of(), List.of(), history);
    host = new FakeStepHost(configuration, TestCredentials.resolver(), workspace);
    host.environment().put("DOCKER_HOST", Testbed.dockerHost());
  }

  @AfterEach
  void closeHistory() {
    configuration.close();
  }

  @Test
  void pushesAnImageTheDaemonHas_andReturnsItPinned() throws Exception {
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "push-step");
    ContainerBuildStep build = new ContainerBuildStep(image.toString());
    build.setContext(TestWorkspace.HELLO_APP);
    build.setPush(false);
    new ContainerBuildExecution(build, new FakeStepContext(), host.factory()).run();

    String pinned =
        new ContainerPushExecution(
                new ContainerPushStep(image.toString()), new FakeStepContext(), host.factory())
            .run();

    assertThat(pinned).startsWith(image.name() + "@sha256:");
    assertThat(host.action().getImages())
        .extracting(e -> e.getOperation() + " " + e.getDigest())
        .containsExactly("build null", "push " + pinned.substring(pinned.indexOf('@') + 1));
  }

  @Test
  void aDigest_isRefused() {
    ContainerPushStep step = new ContainerPushStep("127.0.0.1:5000/app@sha256:" + "b".repeat(64));

    assertThatThrownBy(
            () -> new ContainerPushExecution(step, new FakeStepContext(), host.factory()).run())
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("image: an image is built and pushed under a tag");
  }
}
