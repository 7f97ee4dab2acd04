package io.jenkins.plugins.containercloud.plugin.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link ShortText}. */
class ShortTextTest {

  private static final String DIGEST =
      "sha256:3f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

  @Test
  void reference_keepsTheLastSegmentTheTagAndTwelveDigits() {
    assertThat(ShortText.reference("registry.example.com:5000/team/api:2")).isEqualTo("api:2");
    assertThat(ShortText.reference("registry.example.com/team/api@" + DIGEST))
        .isEqualTo("api@3f1a2b3c4d5e");
    assertThat(ShortText.reference("10.0.0.5:5000/api:2@" + DIGEST))
        .isEqualTo("api:2@3f1a2b3c4d5e");
    assertThat(ShortText.reference("busybox")).isEqualTo("busybox");
    assertThat(ShortText.reference(null)).isNull();
  }

  @Test
  void digest_keepsItsAlgorithmAndTwelveDigits() {
    assertThat(ShortText.digest(DIGEST)).isEqualTo("sha256:3f1a2b3c4d5e");
    assertThat(ShortText.digest("sha256:abc")).isEqualTo("sha256:abc");
    assertThat(ShortText.digest(null)).isNull();
  }

  @Test
  void id_isTheFirstGroupOfTheUuid() {
    assertThat(ShortText.id("7d1c0f0e-0000-4000-8000-000000000001")).isEqualTo("7d1c0f0e");
    assertThat(ShortText.id("plain")).isEqualTo("plain");
  }
}
