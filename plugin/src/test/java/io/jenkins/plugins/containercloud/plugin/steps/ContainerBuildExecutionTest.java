package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.RegistrySettings;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.plugin.action.ImageEntry;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link ContainerBuildExecution}: {@code containerBuild} against the testbed's Docker
 * daemon and registries, with the sample application as the workspace.
 */
class ContainerBuildExecutionTest {

  @TempDir Path workspace;
  @TempDir Path history;

  private TestConfigurations.Counting configuration;

  @BeforeEach
  void workspaceWithTheSampleApp() {
    TestWorkspace.withHelloApp(workspace);
    configuration = TestConfigurations.with(List.of(), List.of(), history);
  }

  @AfterEach
  void closeHistory() {
    configuration.close();
  }

  @Test
  void buildsThroughTheDaemon_pushesEveryTag_andReturnsThePinnedImage() throws Exception {
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "build-step");
    ContainerBuildStep step = new ContainerBuildStep(image.toString());
    step.setContext(TestWorkspace.HELLO_APP);
    step.setTags("latest");
    step.setBuildArgs("GREETING=Hi");
    step.setLabels("team=platform");
    FakeStepHost host = host(TestCredentials.resolver());

    Map<String, Object> result = run(step, host);

    assertThat((String) result.get("reference")).startsWith(image.name() + "@sha256:");
    assertThat((String) result.get("digest")).startsWith("sha256:");
    assertThat(result.get("tags"))
        .isEqualTo(List.of(image.toString(), image.withTag("latest").toString()));
    assertThat((String) result.get("imageId")).startsWith("sha256:");
    assertThat(host.log())
        .contains("Building " + image + " through the Docker daemon")
        .contains("Pushed " + image + "@" + result.get("digest"));
    ImageEntry entry = host.action().getImages().get(0);
    assertThat(entry.getReference()).isEqualTo(result.get("reference"));
    assertThat(entry.getDigest()).isEqualTo(result.get("digest"));
    assertThat(entry.getOperation()).isEqualTo("build");
  }

  @Test
  void withoutPush_returnsTheTag_andNoDigest() throws Exception {
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "build-nopush");
    ContainerBuildStep step = new ContainerBuildStep(image.toString());
    step.setContext(TestWorkspace.HELLO_APP);
    step.setPush(false);
    FakeStepHost host = host(TestCredentials.resolver());

    Map<String, Object> result = run(step, host);

    assertThat(result.get("reference")).isEqualTo(image.toString());
    assertThat(result.get("digest")).isNull();
    assertThat(host.log()).doesNotContain("Pushing");
  }

  @Test
  void registryCredentials_areLookedUpById_andTheirPasswordNeverLogged() throws Exception {
    RegistryCredentials login = Testbed.authRegistryCredentials();
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "build-auth");
    ContainerBuildStep step = new ContainerBuildStep(image.toString());
    step.setContext(TestWorkspace.HELLO_APP);
    step.setRegistryCredentialsId("registry-login");
    FakeStepHost host =
        host(
            TestCredentials.resolver(
                TestCredentials.usernamePassword(
                    "registry-login", login.username(), login.secret())));

    Map<String, Object> result = run(step, host);

    assertThat((String) result.get("reference")).startsWith(image.name() + "@sha256:");
    assertThat(host.log()).contains("as user " + login.username()).doesNotContain(login.secret());
  }

  @Test
  void configuredRegistryCredentials_areUsedWhenTheStepNamesNone() throws Exception {
    RegistryCredentials login = Testbed.authRegistryCredentials();
    RegistrySettings registry = new RegistrySettings(Testbed.authRegistry());
    registry.setCredentialsId("global-login");
    configuration.setRegistries(List.of(registry));
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "build-global");
    ContainerBuildStep step = new ContainerBuildStep(image.toString());
    step.setContext(TestWorkspace.HELLO_APP);
    FakeStepHost host =
        host(
            TestCredentials.resolver(
                TestCredentials.usernamePassword(
                    "global-login", login.username(), login.secret())));

    Map<String, Object> result = run(step, host);

    assertThat((String) result.get("digest")).startsWith("sha256:");
  }

  @Test
  void refusedCredentials_failTheStep_withoutShowingThePassword() {
    String wrong = "wrong-password-" + System.nanoTime();
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "build-refused");
    ContainerBuildStep step = new ContainerBuildStep(image.toString());
    step.setContext(TestWorkspace.HELLO_APP);
    step.setRegistryCredentialsId("bad-login");
    FakeStepHost host =
        host(TestCredentials.resolver(TestCredentials.usernamePassword("bad-login", "ci", wrong)));

    assertThatThrownBy(() -> run(step, host))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining(Testbed.authRegistry())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    assertThat(host.log()).contains("ERROR: ").doesNotContain(wrong);
  }

  @Test
  void badArguments_failBeforeAnythingRuns_namingTheArgument() {
    FakeStepHost host = host(TestCredentials.resolver());

    assertThatThrownBy(() -> run(new ContainerBuildStep("Not A Reference"), host))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("image: ");
    ContainerBuildStep missingCredentials = new ContainerBuildStep("127.0.0.1:5000/app:1");
    missingCredentials.setRegistryCredentialsId("nope");
    assertThatThrownBy(() -> run(missingCredentials, host))
        .hasMessageStartingWith("registryCredentialsId: no credentials with id 'nope'");
    assertThat(host.log()).contains("ERROR: image: ").doesNotContain("Building");
  }

  @Test
  void daemonless_buildsBaseAndLayers_andPushes() throws Exception {
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "build-jib");
    ContainerBuildStep step = new ContainerBuildStep(image.toString());
    step.setContext(TestWorkspace.HELLO_APP);
    step.setDaemonless(true);
    step.setBase(Testbed.baseImage().toString());
    step.setLayers("www:/www:644");
    FakeStepHost host = host(TestCredentials.resolver());

    Map<String, Object> result = run(step, host);

    assertThat((String) result.get("reference")).startsWith(image.name() + "@sha256:");
    assertThat(result.get("imageId")).isNull();
    assertThat(host.log()).contains("without a Docker daemon");
    assertThat(host.action().getImages().get(0).isDaemonless()).isTrue();
  }

  private FakeStepHost host(CredentialResolver credentials) {
    FakeStepHost host = new FakeStepHost(configuration, credentials, workspace);
    host.environment().put("DOCKER_HOST", Testbed.dockerHost());
    return host;
  }

  private static Map<String, Object> run(ContainerBuildStep step, FakeStepHost host)
      throws Exception {
    return new ContainerBuildExecution(step, new FakeStepContext(), host.factory()).run();
  }
}
