package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link HarborReceiver}. */
class HarborReceiverTest {

  private static final String AUTH = "Bearer hb-7f3c9a";
  private final HarborReceiver receiver = new HarborReceiver();
  private final HookSettings hook =
      HookSettings.of(
          "harbor",
          WebhookSource.HARBOR,
          AUTH,
          null,
          List.of(Payloads.rule("web", "shop/team/web", null)));

  @Test
  void verify_comparesTheWholeAuthorizationHeader() throws Exception {
    byte[] body = Payloads.read("harbor-push-default.json");
    receiver.verify(hook, Payloads.headers("Authorization", AUTH), body, null, Instant.now());
    assertThatThrownBy(
            () ->
                receiver.verify(
                    hook,
                    Payloads.headers("Authorization", "hb-7f3c9a"),
                    body,
                    null,
                    Instant.now()))
        .isInstanceOf(DeliveryRefused.class);
    assertThatThrownBy(() -> receiver.verify(hook, Payloads.headers(), body, null, Instant.now()))
        .hasMessageContaining("Authorization is missing");
  }

  @Test
  void parse_defaultFormat_givesTheResourceWithItsRegistryAndLongRepository() throws Exception {
    ParsedDelivery parsed =
        receiver.parse(json("application/json"), Payloads.read("harbor-push-default.json"));
    assertThat(parsed.pushes())
        .containsExactly(
            new ImagePushed("harbor.example.com", "shop/team/web", "1.4.0", Payloads.DIGEST));
  }

  @Test
  void parse_cloudEvents_readsEveryResource_andKeysOnTheEventId() throws Exception {
    ParsedDelivery parsed =
        receiver.parse(
            json("application/cloudevents+json"), Payloads.read("harbor-push-cloudevents.json"));
    assertThat(parsed.pushes())
        .extracting(p -> ((ImagePushed) p).tag())
        .containsExactly("1.4.0", "stable");
    assertThat(parsed.dedupeKey()).isEqualTo("harbor:8d5a4b0e-2b6f-4d0c-9a55-3f3b1b7a9c21");
  }

  @Test
  void parse_aDigestInTheTagField_isAnUntaggedPush_thatTriggersNothing() {
    byte[] body = Payloads.read("harbor-push-untagged.json");
    WebhookAnswer answer =
        WebhookIntake.dryRun(
            hook,
            Payloads.headers("Authorization", AUTH, "Content-Type", "application/json"),
            body,
            null,
            Clock.systemUTC());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("reason").asText()).contains("untagged");
  }

  @Test
  void parse_otherEventTypes_areIgnored() throws Exception {
    assertThat(
            receiver
                .parse(json("application/json"), Payloads.read("harbor-scan.json"))
                .ignoredReason())
        .contains("SCANNING_COMPLETED");
  }

  @Test
  void parse_sameDefaultDelivery_sameKey() throws Exception {
    byte[] body = Payloads.read("harbor-push-default.json");
    assertThat(receiver.parse(json("application/json"), body).dedupeKey())
        .isEqualTo(receiver.parse(json("application/json"), body).dedupeKey())
        .startsWith("harbor:sha256:");
  }

  @Test
  void parse_refusesAMissingDigest() {
    byte[] body =
        "{\"type\":\"PUSH_ARTIFACT\",\"event_data\":{\"resources\":[{\"tag\":\"1\"}],\"repository\":{\"repo_full_name\":\"a/b\"}}}"
            .getBytes();
    assertThatThrownBy(() -> receiver.parse(json("application/json"), body))
        .isInstanceOf(MalformedDelivery.class)
        .hasMessageContaining("resources[0].digest");
  }

  private static WebhookHeaders json(String type) {
    return Payloads.headers("Content-Type", type);
  }
}
