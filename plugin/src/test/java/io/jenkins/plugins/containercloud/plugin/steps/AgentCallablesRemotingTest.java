package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link AgentBuild}, {@link AgentPush} and {@link ReadManifests} as Jenkins sends them
 * to an agent: serialised with everything they hold (spec, registry logins and their secrets, the
 * build's listener), run from the copy, and their results and failures serialised back.
 */
class AgentCallablesRemotingTest {

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
  void registryLogins_keepTheirSecrets_acrossTheTrip() {
    RegistryLogins copy = Remoting.roundTrip(authRegistryLogins());

    RegistryCredentials login = Testbed.authRegistryCredentials();
    assertThat(copy.source().find(Testbed.authRegistry()))
        .hasValueSatisfying(
            found -> {
              assertThat(found.username()).isEqualTo(login.username());
              assertThat(found.secret()).isEqualTo(login.secret());
            });
    assertThat(copy.masker().mask("password " + login.secret())).isEqualTo("password ****");
  }

  @Test
  void buildSpecAndImageOutput_areEqualAfterTheTrip() {
    BuildSpec spec =
        new BuildSpec(
            new ArrayList<>(
                List.of("registry.example.com/app:1", "registry.example.com/app:latest")),
            "app",
            "Dockerfile.release",
            new LinkedHashMap<>(Map.of("VERSION", "1")),
            "runtime",
            new LinkedHashMap<>(Map.of("team", "platform")),
            true,
            false,
            true,
            "registry.example.com/base:1",
            new ArrayList<>(List.of("www:/www:644")));
    ImageOutput output =
        new ImageOutput(
            "registry.example.com/app@sha256:" + "a".repeat(64),
            "sha256:" + "a".repeat(64),
            new ArrayList<>(List.of("registry.example.com/app:1")),
            null);

    assertThat(Remoting.roundTrip(spec)).isEqualTo(spec);
    assertThat(Remoting.roundTrip(output)).isEqualTo(output);
  }

  @Test
  void agentBuildAndPush_runFromTheirCopies_loggingToTheBuild_withTheLoginThatCameAlong()
      throws Exception {
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "remoting");
    BuildSpec spec =
        BuildArguments.of(
            step(
                image,
                s -> {
                  s.setContext(TestWorkspace.HELLO_APP);
                  s.setPush(false);
                }));
    RemoteLog log = RemoteLog.open();
    AgentBuild build =
        Remoting.roundTrip(new AgentBuild(spec, authRegistryLogins(), Testbed.dockerHost(), log));

    ImageOutput built = Remoting.roundTrip(build.invoke(workspace.toFile(), null));

    assertThat(built.reference()).isEqualTo(image.toString());
    assertThat(built.imageId()).startsWith("sha256:");
    assertThat(log.text()).isNotBlank();

    AgentPush push =
        Remoting.roundTrip(
            new AgentPush(image.toString(), authRegistryLogins(), Testbed.dockerHost(), log));
    ImageOutput pushed = Remoting.roundTrip(push.call());

    assertThat(pushed.reference()).startsWith(image.name() + "@sha256:");
    assertThat(log.text())
        .contains("as user " + Testbed.authRegistryCredentials().username())
        .doesNotContain(Testbed.authRegistryCredentials().secret());
  }

  @Test
  void aFailureOnTheAgent_comesBackWithItsMessage() {
    ImageReference missing = Testbed.uniqueImage(Testbed.registry(), "never-built");
    AgentPush push =
        Remoting.roundTrip(
            new AgentPush(missing.toString(), noLogins(), Testbed.dockerHost(), RemoteLog.open()));

    assertThatThrownBy(push::call)
        .isInstanceOf(StepFailedException.class)
        .satisfies(
            e ->
                assertThat(Remoting.roundTrip(e))
                    .isInstanceOf(StepFailedException.class)
                    .hasMessage(e.getMessage())
                    .hasMessageContaining(missing.toString()));
  }

  @Test
  void readManifests_readsOnTheAgent_andItsMapComesBack() throws Exception {
    Files.createDirectories(workspace.resolve("k8s"));
    Files.writeString(workspace.resolve("k8s/service.yaml"), "kind: Service\n");
    ReadManifests read = Remoting.roundTrip(new ReadManifests(List.of("k8s/service.yaml")));

    Map<String, String> manifests = Remoting.roundTrip(read.invoke(workspace.toFile(), null));

    assertThat(manifests).containsExactly(Map.entry("k8s/service.yaml", "kind: Service\n"));
  }

  private RegistryLogins authRegistryLogins() {
    RegistryCredentials login = Testbed.authRegistryCredentials();
    return RegistryLogins.resolve(
        List.of(Testbed.authRegistry()),
        Testbed.authRegistry(),
        "registry-login",
        configuration,
        TestCredentials.resolver(
            TestCredentials.usernamePassword("registry-login", login.username(), login.secret())),
        TestCredentials.resolver());
  }

  private RegistryLogins noLogins() {
    return RegistryLogins.resolve(
        List.of(),
        null,
        null,
        configuration,
        TestCredentials.resolver(),
        TestCredentials.resolver());
  }

  private static ContainerBuildStep step(
      ImageReference image, Consumer<ContainerBuildStep> options) {
    ContainerBuildStep step = new ContainerBuildStep(image.toString());
    options.accept(step);
    return step;
  }
}
