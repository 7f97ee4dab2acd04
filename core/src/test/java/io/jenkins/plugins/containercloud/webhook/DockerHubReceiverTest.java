package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link DockerHubReceiver}. */
class DockerHubReceiverTest {

  private static final String SECRET = "b7Kq2fXw9pLm4TzR";
  private final DockerHubReceiver receiver = new DockerHubReceiver();
  private final HookSettings hook =
      HookSettings.of(
          "hub",
          WebhookSource.DOCKERHUB,
          SECRET,
          null,
          List.of(Payloads.rule("web", "acme/shop", null)));
  private final byte[] body = Payloads.read("dockerhub-push.json");
  private final WebhookHeaders json = Payloads.headers("Content-Type", "application/json");

  @Test
  void verify_takesTheSecretFromThePath() throws Exception {
    receiver.verify(hook, json, body, SECRET, Instant.now());
    assertThatThrownBy(() -> receiver.verify(hook, json, body, "guess", Instant.now()))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> receiver.verify(hook, json, body, null, Instant.now()))
        .hasMessageContaining("/hooks/dockerhub/hub/<secret>");
  }

  @Test
  void parse_givesTheTagWithoutDigest_andAKeyFromRepoTagAndTime() throws Exception {
    ParsedDelivery parsed = receiver.parse(json, body);
    assertThat(parsed.pushes())
        .containsExactly(new ImagePushed("docker.io", "acme/shop", "1.4.0", null));
    // pushed_at written as 1.786004521e+09 is read as the number it is
    assertThat(parsed.dedupeKey()).isEqualTo("dockerhub:acme/shop:1.4.0:1786004521");
  }

  @Test
  void dryRun_plansTheTagForDigestResolution_andNeverMentionsTheCallbackUrl() {
    WebhookAnswer answer = WebhookIntake.dryRun(hook, json, body, SECRET, Clock.systemUTC());
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().at("/triggers/0/image").asText())
        .isEqualTo("docker.io/acme/shop:1.4.0");
    assertThat(answer.json()).doesNotContain("169.254");
  }

  @Test
  void parse_refusesAMissingTagOrTime() {
    byte[] noTag =
        new String(body, StandardCharsets.UTF_8)
            .replace("\"tag\": \"1.4.0\"", "\"tag\": null")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> receiver.parse(json, noTag))
        .isInstanceOf(MalformedDelivery.class)
        .hasMessageContaining("push_data.tag");
    byte[] textTime =
        new String(body, StandardCharsets.UTF_8)
            .replace("1.786004521e+09", "\"yesterday\"")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> receiver.parse(json, textTime)).hasMessageContaining("pushed_at");
  }
}
