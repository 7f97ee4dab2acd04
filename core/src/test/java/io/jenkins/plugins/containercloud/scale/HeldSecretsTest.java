package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeldSecretsTest {

  @Test
  void aHeldSecret_isReadThroughItsReference_untilItIsForgotten() {
    String reference = HeldSecrets.hold("s3cret-value");
    SecretRef ref = SecretRef.parse("provider ec2: secretAccessKey", reference);

    assertThat(reference).startsWith("held:").doesNotContain("s3cret-value");
    assertThat(ref.resolve()).isEqualTo("s3cret-value");

    HeldSecrets.forget(reference);

    assertThatThrownBy(ref::resolve)
        .hasMessage("the secret " + reference + " is not set or empty")
        .hasMessageNotContaining("s3cret-value");
  }

  @Test
  void eachHoldHasItsOwnReference() {
    String first = HeldSecrets.hold("a");
    String second = HeldSecrets.hold("a");
    try {
      assertThat(first).isNotEqualTo(second);
      HeldSecrets.forget(first);
      assertThat(SecretRef.parse("x", second).resolve()).isEqualTo("a");
    } finally {
      HeldSecrets.forget(second);
    }
  }
}
