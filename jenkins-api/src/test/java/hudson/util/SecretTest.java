package hudson.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link Secret}. */
class SecretTest {

  @Test
  void holdsItsPlainText_withoutRevealingItInToString() {
    Secret secret = Secret.fromString("s3cr3t-token");

    assertThat(secret.getPlainText()).isEqualTo("s3cr3t-token");
    assertThat(Secret.toString(secret)).isEqualTo("s3cr3t-token");
    assertThat(secret.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void nullReadsAsTheEmptyString() {
    assertThat(Secret.fromString(null).getPlainText()).isEmpty();
    assertThat(Secret.toString(null)).isEmpty();
  }
}
