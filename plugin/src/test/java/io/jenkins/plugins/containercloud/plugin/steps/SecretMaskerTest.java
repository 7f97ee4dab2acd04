package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import org.junit.jupiter.api.Test;

/** Tests for {@link SecretMasker}. */
class SecretMaskerTest {

  @Test
  void masksEverySecretSeen_longestFirst() {
    SecretMasker masker = new SecretMasker();
    masker.add("abc");
    masker.add("abcdef");

    assertThat(masker.mask("x abcdef y abc")).isEqualTo("x **** y ****");
    assertThat(masker.mask(null)).isNull();
  }

  @Test
  void recordingResolver_remembersPasswordsAndSecretTexts() {
    SecretMasker masker = new SecretMasker();
    CredentialResolver resolver =
        masker.recording(
            TestCredentials.resolver(
                TestCredentials.usernamePassword("reg", "ci", "hunter2"),
                TestCredentials.secretText("token", "t0k3n")));

    resolver.find("reg");
    resolver.find("token");
    resolver.find("missing");

    assertThat(masker.mask("user ci, password hunter2, token t0k3n"))
        .isEqualTo("user ci, password ****, token ****");
  }
}
