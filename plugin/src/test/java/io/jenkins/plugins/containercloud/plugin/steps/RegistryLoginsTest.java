package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.RegistrySettings;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link RegistryLogins}. */
class RegistryLoginsTest {

  @TempDir Path dir;

  private final CredentialResolver credentials =
      TestCredentials.resolver(
          TestCredentials.usernamePassword("step", "builder", "step-secret"),
          TestCredentials.usernamePassword("global", "mirror", "global-secret"),
          TestCredentials.secretText("text", "not-a-login"));

  @Test
  void stepCredentials_forTheImageRegistry_configuredOnes_forOthers() {
    RegistryLogins logins =
        RegistryLogins.resolve(
            List.of("registry.example.com", "mirror.example.com", "docker.io"),
            "registry.example.com",
            "step",
            configuration(),
            credentials,
            credentials);

    assertThat(logins.source().find("registry.example.com").map(RegistryCredentials::username))
        .contains("builder");
    assertThat(logins.source().find("mirror.example.com").map(RegistryCredentials::secret))
        .contains("global-secret");
    assertThat(logins.source().find("docker.io")).isEmpty();
    assertThat(logins.allowInsecure()).isTrue();
    assertThat(logins.masker().mask("step-secret global-secret")).isEqualTo("**** ****");
  }

  @Test
  void configuredCredentials_whenTheStepNamesNone() {
    RegistryLogins logins =
        RegistryLogins.resolve(
            List.of("registry.example.com"),
            "registry.example.com",
            null,
            configuration(),
            credentials,
            credentials);

    assertThat(logins.hosts()).isEmpty();
    assertThat(logins.allowInsecure()).isFalse();
  }

  @Test
  void missingOrWrongCredentials_nameTheArgument() {
    assertThatThrownBy(
            () ->
                RegistryLogins.resolve(
                    List.of("registry.example.com"),
                    "registry.example.com",
                    "nope",
                    configuration(),
                    credentials,
                    credentials))
        .hasMessageStartingWith("registryCredentialsId: no credentials with id 'nope'");
    assertThatThrownBy(
            () ->
                RegistryLogins.resolve(
                    List.of("registry.example.com"),
                    "registry.example.com",
                    "text",
                    configuration(),
                    credentials,
                    credentials))
        .hasMessage(
            "registryCredentialsId: the credentials 'text' are not a username with password;"
                + " choose credentials that are");
  }

  @Test
  void theStepsId_isTheBuildsToResolve_theConfiguredOnes_theSystems() {
    CredentialResolver build =
        TestCredentials.resolver(TestCredentials.usernamePassword("step", "builder", "b"));
    CredentialResolver system =
        TestCredentials.resolver(TestCredentials.usernamePassword("global", "mirror", "s"));

    RegistryLogins logins =
        RegistryLogins.resolve(
            List.of("registry.example.com", "mirror.example.com"),
            "registry.example.com",
            "step",
            configuration(),
            build,
            system);

    assertThat(logins.source().find("registry.example.com").map(RegistryCredentials::username))
        .contains("builder");
    assertThat(logins.source().find("mirror.example.com").map(RegistryCredentials::username))
        .contains("mirror");
    assertThatThrownBy(
            () ->
                RegistryLogins.resolve(
                    List.of("mirror.example.com"),
                    "registry.example.com",
                    null,
                    configuration(),
                    system,
                    build))
        .hasMessageStartingWith(
            "registry mirror.example.com (global configuration): credentialsId: no credentials");
    assertThatThrownBy(
            () ->
                RegistryLogins.resolve(
                    List.of("registry.example.com"),
                    "registry.example.com",
                    "step",
                    configuration(),
                    system,
                    build))
        .hasMessageStartingWith("registryCredentialsId: no credentials with id 'step'");
  }

  private TestConfigurations.Counting configuration() {
    RegistrySettings mirror = new RegistrySettings("mirror.example.com");
    mirror.setCredentialsId("global");
    mirror.setInsecure(true);
    return TestConfigurations.with(
        List.of(), List.of(mirror, new RegistrySettings("registry.example.com")), dir);
  }
}
