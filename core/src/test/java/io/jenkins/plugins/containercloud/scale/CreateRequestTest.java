package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link CreateRequest}'s idempotency keys. */
class CreateRequestTest {

  @Test
  void aNewKeyForThePoolWithTheLongestAllowedName_isAValidKey() {
    NodePool longest = Pools.pool("p".repeat(40), 4000, 16, 110, 5);

    String key = CreateRequest.newKey(longest);

    assertThat(key).startsWith(longest.name() + "-").hasSizeLessThanOrEqualTo(64);
    assertThat(new CreateRequest(longest, 1, key, "").idempotencyKey()).isEqualTo(key);
  }

  @Test
  void newKeys_differ() {
    NodePool pool = Pools.pool("web", 4000, 16, 110, 5);

    assertThat(CreateRequest.newKey(pool)).isNotEqualTo(CreateRequest.newKey(pool));
  }

  @Test
  void aKeyLongerThanEc2Allows_isRefused() {
    NodePool pool = Pools.pool("web", 4000, 16, 110, 5);

    assertThatThrownBy(() -> new CreateRequest(pool, 1, "k".repeat(65), ""))
        .hasMessageContaining("1-64 printable ASCII");
  }
}
