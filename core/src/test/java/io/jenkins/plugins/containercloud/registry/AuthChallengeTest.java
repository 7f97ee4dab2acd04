package io.jenkins.plugins.containercloud.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link AuthChallenge}. */
class AuthChallengeTest {

  @Test
  void parse_bearerWithQuotedParameters() {
    AuthChallenge challenge =
        AuthChallenge.parse(
                "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
                    + "scope=\"repository:team/app:pull,push\"")
            .orElseThrow();

    assertThat(challenge.isBearer()).isTrue();
    assertThat(challenge.parameter("realm")).isEqualTo("https://auth.example.com/token");
    assertThat(challenge.parameter("service")).isEqualTo("registry.example.com");
    assertThat(challenge.parameter("scope")).isEqualTo("repository:team/app:pull,push");
  }

  @Test
  void parse_basicWithRealm() {
    AuthChallenge challenge = AuthChallenge.parse("Basic realm=\"testbed\"").orElseThrow();

    assertThat(challenge.isBasic()).isTrue();
    assertThat(challenge.parameter("realm")).isEqualTo("testbed");
  }

  @Test
  void parse_unquotedValuesAndUnknownScheme() {
    AuthChallenge challenge = AuthChallenge.parse("Negotiate realm=x, other=y").orElseThrow();

    assertThat(challenge.isBasic()).isFalse();
    assertThat(challenge.isBearer()).isFalse();
    assertThat(challenge.parameter("realm")).isEqualTo("x");
    assertThat(challenge.parameter("other")).isEqualTo("y");
  }

  @Test
  void parse_emptyHeaderIsNoChallenge() {
    assertThat(AuthChallenge.parse("")).isEmpty();
    assertThat(AuthChallenge.parse(null)).isEmpty();
  }
}
