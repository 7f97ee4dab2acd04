package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

  @Test
  void recordingResolver_remembersTheSecretsInsideAKubeconfigFile() {
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod
          cluster: {server: "https://10.0.0.1:6443"}
        users:
        - name: ci
          user:
            token: "bearer-123"
        - name: admin
          user:
            username: admin
            password: 'pa55word'
            client-certificate-data: Q0VSVERBVEE=
            client-key-data: S0VZREFUQQ==
        """;
    SecretMasker masker = new SecretMasker();
    masker
        .recording(
            TestCredentials.resolver(
                TestCredentials.secretFile(
                    "kube", "config", kubeconfig.getBytes(StandardCharsets.UTF_8))))
        .find("kube");

    assertThat(
            masker.mask(
                "bearer-123 pa55word Q0VSVERBVEE= S0VZREFUQQ== admin https://10.0.0.1:6443"))
        .isEqualTo("**** **** **** **** admin https://10.0.0.1:6443");
  }

  @Test
  void kubeconfigInJson_hasItsSecretsMaskedToo() {
    SecretMasker masker = new SecretMasker();
    masker.addKubeconfig(
        """
        {"users": [{"name": "ci", "user": {
          "token": "json-token-9",
          "client-key-data": "a2V5"
        }}]}
        """);

    assertThat(masker.mask("json-token-9 a2V5")).isEqualTo("**** ****");
  }
}
